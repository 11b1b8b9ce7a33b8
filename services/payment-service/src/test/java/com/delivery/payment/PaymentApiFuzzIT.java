package com.delivery.payment;

import com.delivery.testsupport.fuzz.ApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of docs/api/payment-service.json under generated hostile requests, the Stripe webhook included
 * (unsigned or badly signed bodies of any bytes): never a 5xx, every 4xx a problem (issue 14).
 */
class PaymentApiFuzzIT extends PaymentIntegrationTest {

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        ApiFuzzer.of("payment-service", port).tries(250).assertNoBrokenPromises();
    }
}
