package com.delivery.notification;

import com.delivery.testsupport.fuzz.ApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of docs/api/notification-service.json under generated hostile requests: never a 5xx, every 4xx
 * a problem (issue 14).
 */
class NotificationApiFuzzIT extends NotificationServiceTestBase {

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        ApiFuzzer.of("notification-service", port).tries(250).assertNoBrokenPromises();
    }
}
