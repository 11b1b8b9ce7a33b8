package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.InventoryReserved;
import com.delivery.events.OrderCreated;
import com.delivery.events.PaymentFailed;
import com.delivery.events.Topics;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.payment.support.StripeStandIn.StripeRequest;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stock is held before money moves: the PaymentIntent of an order is created only once both {@code order.created}
 * and the vendor's {@code inventory.reserved} were consumed, in whichever order they arrive, and never for an order
 * cancelled before (out of stock).
 */
class StockHoldIT extends PaymentIntegrationTest {

    private static final String INTENTS = "/api/v1/payments/intents";

    private Response intentOf(OrderCreated order, String token) {
        return api.post(INTENTS, Map.of("orderId", order.orderId()), token);
    }

    @Test
    void orderCreatedAloneOpensThePaymentWithoutIntentUntilTheStockIsHeld() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());

        publish(order);

        JsonNode waiting = awaitPaymentStatus(order.orderId(), "AWAITING_STOCK");
        assertThat(waiting.path("providerReference").isNull()).isTrue();
        assertThat(waiting.path("amountMinor").asLong()).isEqualTo(2949);
        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).isEmpty();
        Response own = api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("status")).isEqualTo("AWAITING_STOCK");
        assertThat(own.json().path("clientSecret").isNull()).isTrue();
        Response notYet = intentOf(order, customer(ada));
        assertThat(notYet.status()).as(notYet.toString()).isEqualTo(409);
        assertThat(notYet.text("type")).endsWith("/problems/intent-not-ready");
        assertThat(notYet.header("Retry-After")).isEqualTo("1");

        publish(Orders.stockHeld(order));

        JsonNode payment = awaitIntent(order.orderId());
        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
        List<StripeRequest> creations = StripeStandIn.intentCreations(order.orderId().toString());
        assertThat(creations).hasSize(1);
        assertThat(creations.getFirst().form())
                .containsEntry("amount", "2949")
                .containsEntry("currency", "eur")
                .containsEntry("metadata[paymentId]", payment.path("paymentId").asString())
                .containsEntry("description", "Order " + order.orderId() + " at Luigi's Pizzeria");
        assertThat(creations.getFirst().idempotencyKey()).isEqualTo(payment.path("paymentId").asString());
        Response intent = intentOf(order, customer(ada));
        assertThat(intent.status()).as(intent.toString()).isEqualTo(200);
        assertThat(intent.text("intentId")).isEqualTo(payment.path("providerReference").asString());
        assertThat(intent.text("clientSecret")).startsWith(intent.text("intentId") + "_secret_");
        assertThat(intent.json().path("amountMinor").asLong()).isEqualTo(2949);
    }

    @Test
    void aStockHoldBeforeTheOrderCreatesTheIntentAsSoonAsTheOrderArrives() {
        ConnectedVendor luigi = connectedVendor();
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), luigi.vendorId());

        awaitProcessed(publish(Orders.stockHeld(order)));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM stock_holds WHERE order_id = ?", Integer.class,
                order.orderId())).isEqualTo(1);
        assertThat(api.get("/api/v1/payments/orders/" + order.orderId(), admin()).status()).isEqualTo(404);
        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).isEmpty();

        publish(order);

        JsonNode payment = awaitIntent(order.orderId());
        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
        List<StripeRequest> creations = StripeStandIn.intentCreations(order.orderId().toString());
        assertThat(creations).hasSize(1);
        assertThat(creations.getFirst().form())
                .containsEntry("amount", "2949")
                .containsEntry("application_fee_amount", "744")
                .containsEntry("transfer_data[destination]", luigi.accountId());
    }

    @Test
    void anOrderCancelledOutOfStockIsNeverChargedAndSaysSo() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        publish(order);
        String paymentId = awaitPaymentStatus(order.orderId(), "AWAITING_STOCK").path("paymentId").asString();

        publish(Orders.outOfStock(order));

        JsonNode payment = awaitPaymentStatus(order.orderId(), "CANCELLED");
        assertThat(payment.path("providerReference").isNull()).isTrue();
        assertThat(payment.path("cancelledAt").isNull()).isFalse();
        assertThat(payment.path("capturedMinor").asLong()).isZero();
        assertThat(payment.path("refunds")).isEmpty();
        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).isEmpty();
        assertThat(StripeStandIn.concerning(order.orderId().toString(), paymentId)).isEmpty();
        assertThat(outboxCount(Topics.PAYMENT_FAILED, order.orderId().toString())).isZero();
        assertThat(outboxCount(Topics.PAYMENT_REFUNDED, order.orderId().toString())).isZero();

        Response cancelled = intentOf(order, customer(ada));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(409);
        assertThat(cancelled.contentType()).startsWith("application/problem+json");
        assertThat(cancelled.text("type")).endsWith("/problems/order-cancelled");
        assertThat(cancelled.text("detail")).contains("cancelled").contains("OUT_OF_STOCK")
                .contains("nothing will be charged");
        assertThat(cancelled.text("reason")).isEqualTo("OUT_OF_STOCK");
        assertThat(cancelled.header("Retry-After")).isNull();
        assertThat(intentOf(order, admin()).text("type")).endsWith("/problems/order-cancelled");
        assertThat(intentOf(order, customer(UUID.randomUUID())).status()).isEqualTo(403);
        Response own = api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("status")).isEqualTo("CANCELLED");
        assertThat(own.json().path("clientSecret").isNull()).isTrue();
        assertThat(api.get("/api/v1/payments/" + paymentId, customer(ada)).text("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aHoldArrivingAfterTheCancelOpensNoIntent() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        publish(order);
        awaitPaymentStatus(order.orderId(), "AWAITING_STOCK");
        publish(Orders.cancelled(order, "PENDING_PAYMENT"));
        awaitPaymentStatus(order.orderId(), "CANCELLED");

        awaitProcessed(publish(Orders.stockHeld(order)));

        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).isEmpty();
        assertThat(awaitPayment(order.orderId()).path("status").asString()).isEqualTo("CANCELLED");
        Response cancelled = intentOf(order, customer(ada));
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.text("type")).endsWith("/problems/order-cancelled");
        assertThat(cancelled.text("reason")).isEqualTo("CUSTOMER_REQUEST");
    }

    @Test
    void aRedeliveredOrRepeatedStockHoldCreatesExactlyOneIntent() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        InventoryReserved held = Orders.stockHeld(order);

        // the order and three deliveries of the hold (one redelivered as is, one republished with a new event id)
        // race each other on two topics
        publish(order);
        String first = publish(held);
        send(held, first);
        String second = publish(held);

        JsonNode payment = awaitIntent(order.orderId());
        awaitProcessed(first);
        awaitProcessed(second);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(StripeStandIn.intentCreations(order.orderId().toString())).hasSize(1));
        assertThat(StripeStandIn.intentCreations(order.orderId().toString()).getFirst().idempotencyKey())
                .isEqualTo(payment.path("paymentId").asString());
        assertThat(awaitPayment(order.orderId()).path("providerReference").asString())
                .isEqualTo(payment.path("providerReference").asString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE order_id = ?", Integer.class,
                order.orderId())).isEqualTo(1);
    }

    @Test
    void aStripeErrorWhenTheStockIsHeldFailsThePaymentInTheCheckoutsFlow() {
        OrderCreated order = Orders.singleItemOrder(UUID.randomUUID(), UUID.randomUUID(), 0, "EUR");
        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_FAILED)) {
            StripeStandIn.refuseNextIntentFor(order.orderId().toString(), "amount_too_small",
                    "Amount must be at least €0.50 eur");
            String checkoutCorrelation = EventCodec.decode(publish(order)).correlationId();
            awaitPaymentStatus(order.orderId(), "AWAITING_STOCK");

            publish(Orders.stockHeld(order));

            awaitPaymentStatus(order.orderId(), "FAILED");
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> failed = probe.valuesFor(order.orderId().toString());
                assertThat(failed).hasSize(1);
                EventEnvelope<PaymentFailed> event = EventCodec.decode(failed.getFirst(), PaymentFailed.class);
                assertThat(event.payload().failureCode()).isEqualTo("amount_too_small");
                assertThat(event.payload().providerReference()).isNull();
                assertThat(event.correlationId()).isEqualTo(checkoutCorrelation);
            });
        }
        assertThat(outboxCount(Topics.PAYMENT_FAILED, order.orderId().toString())).isEqualTo(1);
    }
}
