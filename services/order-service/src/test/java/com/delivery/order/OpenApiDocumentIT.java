package com.delivery.order;

import com.delivery.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** docs/api/order-service.json is what this service serves: clients generated from it match the running code. */
class OpenApiDocumentIT extends OrderServiceTestBase {

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "order-service");
    }
}
