package com.delivery.driver.support;

import com.delivery.testsupport.TestTokens;
import java.util.UUID;

/** A driver created through the API, with their token. */
public record TestDriver(UUID id, String fullName, String vehicleType) {

    public String token() {
        return TestTokens.token(id, "DRIVER");
    }

    public String path() {
        return "/api/v1/drivers/" + id;
    }
}
