package com.delivery.tracking;

import com.delivery.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** docs/api/tracking-service.json is what this service serves: clients generated from it match the running code. */
class OpenApiDocumentIT extends TrackingServiceTestBase {

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "tracking-service");
    }
}
