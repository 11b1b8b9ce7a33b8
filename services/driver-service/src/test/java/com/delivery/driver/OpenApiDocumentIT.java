package com.delivery.driver;

import com.delivery.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** docs/api/driver-service.json is what this service serves: clients generated from it match the running code. */
class OpenApiDocumentIT extends DriverServiceTestBase {

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "driver-service");
    }
}
