package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.OrderCancelled;
import com.delivery.events.Topics;
import com.delivery.order.app.OrderDeadlineSweep;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The clock's part of the saga: an order nobody pays is cancelled after the payment window (which bounds the stock
 * hold), a paid order the vendor never answers after the vendor timeout; each exactly once, even against a person
 * cancelling at the same moment. The sweep is run with a "now" in the future instead of waiting 15 minutes.
 */
class OrderDeadlinesIT extends OrderServiceTestBase {

    @Autowired
    OrderDeadlineSweep sweep;

    @Test
    void anOrderNobodyPaysIsCancelledAfterThePaymentWindow() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CANCELLED)) {
            String orderId = place(luigi, ada).text("id");
            holdStock(orderId, ada);

            sweep.sweep(Instant.now().plus(Duration.ofMinutes(14)));
            assertThat(order(orderId, ada).path("status").asString()).isEqualTo("PENDING_PAYMENT");

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                sweep.sweep(Instant.now().plus(Duration.ofMinutes(16)));
                return order(orderId, ada).path("status").asString().equals("CANCELLED");
            });
            JsonNode cancellation = order(orderId, ada).path("cancellation");
            assertThat(cancellation.path("reason").asString()).isEqualTo("PAYMENT_TIMEOUT");
            assertThat(cancellation.path("detail").asString()).contains("Not paid within 15 minutes");
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 1);
            OrderCancelled cancelled = EventCodec.decode(probe.valuesFor(orderId).getFirst(), OrderCancelled.class)
                    .payload();
            assertThat(cancelled.reason()).isEqualTo(OrderCancelled.PAYMENT_TIMEOUT);
            assertThat(cancelled.cancelledBy()).isEqualTo("SYSTEM");
            assertThat(cancelled.items()).as("the held units go back").isNotEmpty();
        }
    }

    @Test
    void aPlacedOrderTheVendorNeverAnswersIsCancelledAfterTheVendorTimeout() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CANCELLED)) {
            String orderId = placedOrder(luigi, ada);

            sweep.sweep(Instant.now().plus(Duration.ofMinutes(9)));
            assertThat(order(orderId, ada).path("status").asString()).isEqualTo("PLACED");

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                sweep.sweep(Instant.now().plus(Duration.ofMinutes(11)));
                return order(orderId, ada).path("status").asString().equals("CANCELLED");
            });
            assertThat(order(orderId, ada).path("cancellation").path("reason").asString()).isEqualTo("VENDOR_TIMEOUT");
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 1);
            OrderCancelled cancelled = EventCodec.decode(probe.valuesFor(orderId).getFirst(), OrderCancelled.class)
                    .payload();
            assertThat(cancelled.previousStatus()).isEqualTo("PLACED");
            assertThat(cancelled.reason()).isEqualTo(OrderCancelled.VENDOR_TIMEOUT);
        }
    }

    @Test
    void aConfirmedOrderIsNeverCancelledByTheClock() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        assertThat(move(orderId, "CONFIRMED", vendorToken(luigi.ownerId)).status()).isEqualTo(200);

        sweep.sweep(Instant.now().plus(Duration.ofDays(1)));

        assertThat(order(orderId, ada).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void theSweepAndACustomerCancellingAtOnceCancelExactlyOnce() throws Exception {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        for (int round = 0; round < 5; round++) {
            UUID ada = UUID.randomUUID();
            try (EventProbe probe = EventProbe.open(Topics.ORDER_CANCELLED)) {
                String orderId = placedOrder(luigi, ada);

                CompletableFuture<Response> customer = CompletableFuture.supplyAsync(() -> api.post(
                        "/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "too slow"), customerToken(ada)));
                CompletableFuture<Integer> clock = CompletableFuture.supplyAsync(() ->
                        sweep.sweep(Instant.now().plus(Duration.ofMinutes(11))));
                int status = customer.get().status();
                clock.get();

                assertThat(status).as("the customer's cancel wins or is told it lost").isIn(200, 409);
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    sweep.sweep(Instant.now().plus(Duration.ofMinutes(11)));
                    return order(orderId, ada).path("status").asString().equals("CANCELLED");
                });
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() >= 1);
                // one more event would have arrived behind the first by the time a later marker does; give the relay a
                // moment by waiting for an unrelated cancellation to pass through the same topic
                String marker = place(luigi, ada).text("id");
                api.post("/api/v1/orders/" + marker + "/cancel", Map.of("reason", "marker"), customerToken(ada));
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(marker).size() == 1);
                assertThat(probe.valuesFor(orderId)).as("exactly one cancellation").hasSize(1);
            }
        }
    }

    private JsonNode order(String orderId, UUID customerId) {
        return api.get("/api/v1/orders/" + orderId, customerToken(customerId)).json();
    }
}
