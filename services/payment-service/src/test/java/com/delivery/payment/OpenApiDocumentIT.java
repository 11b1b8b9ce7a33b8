package com.delivery.payment;

import com.delivery.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** docs/api/payment-service.json is what this service serves: clients generated from it match the running code. */
class OpenApiDocumentIT extends PaymentIntegrationTest {

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "payment-service");
    }
}
