package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.InventoryRejected;
import com.delivery.events.InventoryReserved;
import com.delivery.events.OrderCancelled;
import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentFailed;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.Topics;
import com.delivery.testsupport.EventProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderEventConsumersIT extends OrderServiceTestBase {

    @Test
    void paymentCompletedPlacesTheOrderOnceItsStockIsHeld() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");
        holdStock(orderId, ada);

        publish(Topics.PAYMENT_COMPLETED, paymentCompleted(orderId, ada, 2949));

        awaitStatus(orderId, ada, "PLACED");
        JsonNode placed = lastEntry(orderId, ada);
        assertThat(placed.path("to").asString()).isEqualTo("PLACED");
        assertThat(placed.path("role").asString()).isEqualTo("SYSTEM");
        assertThat(placed.path("reason").asString()).startsWith("Payment pi_");
    }

    @Test
    void aPaymentBeforeTheHoldWaitsAndTheHoldThenPlacesTheOrder() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");

        publish(Topics.PAYMENT_COMPLETED, paymentCompleted(orderId, ada, 2949));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(lastEntry(orderId, ada).path("kind").asString()).isEqualTo("PAYMENT_RECEIVED"));
        assertThat(order(orderId, ada).path("status").asString()).isEqualTo("PENDING_PAYMENT");

        EventEnvelope<InventoryReserved> hold = stockHeld(orderId, ada);
        publish(Topics.INVENTORY_RESERVED, hold);
        publish(Topics.INVENTORY_RESERVED, hold);

        awaitStatus(orderId, ada, "PLACED");
        assertThat(processed(hold.eventId())).isEqualTo(1);
    }

    @Test
    void aRefusedHoldCancelsTheOrderOutOfStockForEveryoneToSee() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CANCELLED)) {
            JsonNode created = place(luigi, ada).json();
            String orderId = created.path("id").asString();
            JsonNode firstItem = created.path("items").get(0);
            EventEnvelope<InventoryRejected> refusal = EventEnvelope.of(new InventoryRejected(
                    UUID.fromString(orderId), ada, luigi.vendorId, InventoryRejected.OUT_OF_STOCK,
                    List.of(new InventoryRejected.Shortage(UUID.fromString(firstItem.path("menuItemId").asString()),
                            firstItem.path("quantity").asInt(), 0))), "vendor", null);

            publish(Topics.INVENTORY_REJECTED, refusal);
            publish(Topics.INVENTORY_REJECTED, refusal);

            awaitStatus(orderId, ada, "CANCELLED");
            JsonNode order = order(orderId, ada);
            String expected = "Out of stock: " + firstItem.path("name").asString() + ": "
                    + firstItem.path("quantity").asInt() + " ordered, 0 left";
            assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("OUT_OF_STOCK");
            assertThat(order.path("cancellation").path("detail").asString()).isEqualTo(expected);
            assertThat(lastEntry(orderId, ada).path("reason").asString()).isEqualTo(expected);
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 1);
            OrderCancelled cancelled = EventCodec.decode(probe.valuesFor(orderId).getFirst(), OrderCancelled.class)
                    .payload();
            assertThat(cancelled.reason()).isEqualTo(OrderCancelled.OUT_OF_STOCK);
            assertThat(cancelled.detail()).isEqualTo(expected);
            assertThat(cancelled.previousStatus()).isEqualTo("PENDING_PAYMENT");

            // a payment that still comes (it cannot, as payment waits for the hold; but if) changes nothing here:
            // payment refunds a capture on a cancelled order by itself
            publish(Topics.PAYMENT_COMPLETED, paymentCompleted(orderId, ada, 2949));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(lastEntry(orderId, ada).path("kind").asString()).isEqualTo("EVENT_NOT_APPLIED"));
            assertThat(order(orderId, ada).path("status").asString()).isEqualTo("CANCELLED");
            assertThat(processed(refusal.eventId())).isEqualTo(1);
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");
        holdStock(orderId, ada);
        EventEnvelope<PaymentCompleted> payment = paymentCompleted(orderId, ada, 2949);

        publish(Topics.PAYMENT_COMPLETED, payment);
        publish(Topics.PAYMENT_COMPLETED, payment);
        publish(Topics.PAYMENT_COMPLETED, payment);

        // a second, distinct payment event behind the duplicates on the same partition: once it is recorded, the
        // duplicates have been consumed, and only it may have left a trace
        EventEnvelope<PaymentCompleted> marker = paymentCompleted(orderId, ada, 2949);
        publish(Topics.PAYMENT_COMPLETED, marker);

        String markerReference = marker.payload().providerReference();
        await().atMost(Duration.ofSeconds(20)).until(() -> order(orderId, ada).path("timeline").valueStream()
                .anyMatch(e -> e.path("reason").asString("").contains(markerReference)));
        List<JsonNode> timeline = order(orderId, ada).path("timeline").valueStream().toList();
        assertThat(timeline.stream().filter(e -> e.path("kind").asString().equals("EVENT_NOT_APPLIED")).count())
                .as("only the marker").isEqualTo(1);
        assertThat(timeline.stream().filter(e -> e.path("to").asString("").equals("PLACED")).count()).isEqualTo(1);
        assertThat(processed(payment.eventId())).isEqualTo(1);
        assertThat(order(orderId, ada).path("status").asString()).isEqualTo("PLACED");
    }

    @Test
    void aPaymentThatArrivesAfterTheCancelIsRecordedNotApplied() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"), customerToken(ada));

        publish(Topics.PAYMENT_COMPLETED, paymentCompleted(orderId, ada, 2949));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode last = lastEntry(orderId, ada);
            assertThat(last.path("kind").asString()).isEqualTo("EVENT_NOT_APPLIED");
            assertThat(last.path("reason").asString()).contains("payment.completed").contains("CANCELLED");
        });
        assertThat(order(orderId, ada).path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aFailedPaymentCancelsTheOrderAndSaysSo() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CANCELLED)) {
            String orderId = place(luigi, ada).text("id");

            publish(Topics.PAYMENT_FAILED, EventEnvelope.of(new PaymentFailed(UUID.randomUUID(),
                    UUID.fromString(orderId), ada, 2949, "EUR", null, "card_declined", "Your card was declined."),
                    "payment", null));

            awaitStatus(orderId, ada, "CANCELLED");
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 1);
            OrderCancelled cancelled = EventCodec.decode(probe.valuesFor(orderId).getFirst(), OrderCancelled.class)
                    .payload();
            assertThat(cancelled.reason()).isEqualTo("PAYMENT_FAILED");
            assertThat(cancelled.cancelledBy()).isEqualTo("SYSTEM");
            assertThat(cancelled.previousStatus()).isEqualTo("PENDING_PAYMENT");
        }
    }

    @Test
    void aFailedPaymentAfterTheOrderWasPlacedChangesNothing() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);

        publish(Topics.PAYMENT_FAILED, EventEnvelope.of(new PaymentFailed(UUID.randomUUID(), UUID.fromString(orderId),
                ada, 2949, "EUR", "pi_x", "card_declined", "late"), "payment", null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(lastEntry(orderId, ada).path("kind").asString()).isEqualTo("EVENT_NOT_APPLIED"));
        assertThat(order(orderId, ada).path("status").asString()).isEqualTo("PLACED");
    }

    @Test
    void aDriverIsAssignedOnlyOnceTheVendorConfirmed() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);

        publish(Topics.DRIVER_ASSIGNED, driverAssigned(orderId, tom, ada, luigi));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(lastEntry(orderId, ada).path("kind").asString()).isEqualTo("EVENT_NOT_APPLIED"));
        assertThat(order(orderId, ada).path("driver").isNull()).isTrue();

        move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));
        publish(Topics.DRIVER_ASSIGNED, driverAssigned(orderId, tom, ada, luigi));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode order = order(orderId, ada);
            assertThat(order.path("driver").path("id").asString()).isEqualTo(tom.toString());
            assertThat(order.path("driver").path("vehicleType").asString()).isEqualTo("BICYCLE");
        });
        assertThat(api.get("/api/v1/orders/" + orderId, driverToken(tom)).status()).as("the driver now sees it")
                .isEqualTo(200);
    }

    @Test
    void noDriverAvailableIsRecordedAndDoesNotCancel() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));

        publish(Topics.DRIVER_UNAVAILABLE, EventEnvelope.of(new DriverUnavailable(UUID.fromString(orderId),
                "NO_DRIVER_AVAILABLE", ada, luigi.vendorId, null), "driver", null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode last = lastEntry(orderId, ada);
            assertThat(last.path("kind").asString()).isEqualTo("DRIVER_UNAVAILABLE");
            assertThat(last.path("reason").asString()).isEqualTo("NO_DRIVER_AVAILABLE");
        });
        assertThat(order(orderId, ada).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aRefundIsRecordedOnTheOrder() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "too slow"), customerToken(ada));

        publish(Topics.PAYMENT_REFUNDED, EventEnvelope.of(new PaymentRefunded(UUID.randomUUID(),
                UUID.fromString(orderId), ada, 2949, "EUR", "pi_1", "ORDER_CANCELLED"), "payment", null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(order(orderId, ada).path("refundedMinor").asLong()).isEqualTo(2949));
        assertThat(lastEntry(orderId, ada).path("kind").asString()).isEqualTo("PAYMENT_REFUNDED");
    }

    @Test
    void anEventForAnOrderWeDoNotKnowIsConsumedAndIgnored() {
        EventEnvelope<PaymentCompleted> stray = paymentCompleted(UUID.randomUUID().toString(), UUID.randomUUID(), 100);

        publish(Topics.PAYMENT_COMPLETED, stray);

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(stray.eventId()) == 1);
    }

    private static EventEnvelope<DriverAssigned> driverAssigned(String orderId, UUID driverId, UUID customerId,
            VendorStub vendor) {
        return EventEnvelope.of(new DriverAssigned(UUID.fromString(orderId), driverId, "Tom Becker", "BICYCLE",
                customerId, vendor.vendorId), "driver", null);
    }

    private JsonNode order(String orderId, UUID customerId) {
        return api.get("/api/v1/orders/" + orderId, customerToken(customerId)).json();
    }

    private JsonNode lastEntry(String orderId, UUID customerId) {
        List<JsonNode> timeline = order(orderId, customerId).path("timeline").valueStream().toList();
        return timeline.getLast();
    }

    private int processed(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE consumer = 'order-service' "
                + "AND event_id = ?", Integer.class, eventId);
    }
}
