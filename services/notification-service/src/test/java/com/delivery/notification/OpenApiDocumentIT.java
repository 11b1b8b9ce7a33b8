package com.delivery.notification;

import com.delivery.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** docs/api/notification-service.json is what this service serves: clients generated from it match the running code. */
class OpenApiDocumentIT extends NotificationServiceTestBase {

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "notification-service");
    }
}
