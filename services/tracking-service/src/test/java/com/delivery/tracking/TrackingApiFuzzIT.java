package com.delivery.tracking;

import com.delivery.testsupport.fuzz.ApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of docs/api/tracking-service.json under generated hostile requests: never a 5xx, every 4xx a
 * problem (issue 14).
 */
class TrackingApiFuzzIT extends TrackingServiceTestBase {

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        ApiFuzzer.of("tracking-service", port).tries(250).assertNoBrokenPromises();
    }
}
