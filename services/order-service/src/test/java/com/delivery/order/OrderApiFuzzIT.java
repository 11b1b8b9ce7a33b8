package com.delivery.order;

import com.delivery.testsupport.fuzz.ApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of docs/api/order-service.json under generated hostile requests: never a 5xx, every 4xx a
 * problem (issue 14). Checkouts name vendors the stubbed vendor service does not know (404), or the stubbed
 * pizzeria (whose quote then prices them).
 */
class OrderApiFuzzIT extends OrderServiceTestBase {

    @Test
    void hostileRequestsNeverGetA5xxAndAlwaysAProblem() {
        VendorStub luigi = VendorStub.pizzeria().quotes();

        ApiFuzzer.of("order-service", port).tries(250)
                .knownId("vendorId", () -> luigi.vendorId.toString())
                .assertNoBrokenPromises();
    }
}
