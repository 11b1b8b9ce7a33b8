package com.delivery.vendor;

import com.delivery.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** docs/api/vendor-service.json is what this service serves: clients generated from it match the running code. */
class OpenApiDocumentIT extends VendorIT {

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "vendor-service");
    }
}
