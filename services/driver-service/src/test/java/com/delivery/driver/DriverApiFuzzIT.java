package com.delivery.driver;

import com.delivery.driver.support.TestDriver;
import com.delivery.testsupport.TestTokens;
import com.delivery.testsupport.fuzz.ApiFuzzer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of docs/api/driver-service.json under generated hostile requests: never a 5xx, every 4xx a
 * problem (issue 14). Requests as a driver are an approved driver's, and the driver path id is often theirs, so
 * the owner checks pass and requests reach presence, location, offers and earnings.
 */
class DriverApiFuzzIT extends DriverServiceTestBase {

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        TestDriver driver = aDriver().approved().create();

        ApiFuzzer.of("driver-service", port).tries(250)
                .tokens(ApiFuzzer.byRole(Map.of("DRIVER", driver.token(), "ADMIN", adminToken(),
                        "CUSTOMER", TestTokens.token(UUID.randomUUID(), "CUSTOMER"), "VENDOR", vendorToken())))
                .knownId("driverId", () -> driver.id().toString())
                .assertNoBrokenPromises();
    }
}
