package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

class CheckoutPaymentIT extends PaymentIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void orderCreatedAndTheStockHoldOpenADestinationChargeForTheOrderTotalAndCacheTheClientSecret() {
        ConnectedVendor luigi = connectedVendor();
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, luigi.vendorId());

        checkout(order);

        JsonNode payment = awaitIntent(order.orderId());
        String paymentId = payment.path("paymentId").asString();
        List<StripeRequest> creations = StripeStandIn.intentCreations(order.orderId().toString());
        assertThat(creations).hasSize(1);
        StripeRequest sent = creations.getFirst();
        assertThat(sent.form())
                .containsEntry("amount", "2949")
                .containsEntry("currency", "eur")
                // platform fee 245 + delivery fee 299 + tip 200 stay with the platform; the vendor gets 2205
                .containsEntry("application_fee_amount", "744")
                .containsEntry("transfer_data[destination]", luigi.accountId())
                .containsEntry("metadata[orderId]", order.orderId().toString())
                .containsEntry("metadata[paymentId]", paymentId)
                .containsEntry("automatic_payment_methods[enabled]", "true")
                .containsEntry("description", "Order " + order.orderId() + " at Luigi's Pizzeria");
        assertThat(sent.idempotencyKey()).isEqualTo(paymentId);
        assertThat(sent.authorization()).isEqualTo("Bearer sk_test_standin_not_a_real_key");

        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
        assertThat(payment.path("amountMinor").asLong()).isEqualTo(2949);
        assertThat(payment.path("currency").asString()).isEqualTo("EUR");
        assertThat(payment.path("split").path("applicationFeeMinor").asLong()).isEqualTo(744);
        assertThat(payment.path("split").path("vendorShareMinor").asLong()).isEqualTo(2205);
        assertThat(payment.path("split").path("destinationAccountId").asString()).isEqualTo(luigi.accountId());

        String intentId = payment.path("providerReference").asString();
        String cacheKey = "payment:client-secret:" + paymentId;
        assertThat(redis.opsForValue().get(cacheKey)).startsWith(intentId + "_secret_");
        assertThat(redis.getExpire(cacheKey)).isBetween(3500L, 3600L);

        Response own = api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("paymentId")).isEqualTo(paymentId);
        assertThat(own.text("orderId")).isEqualTo(order.orderId().toString());
        assertThat(own.text("status")).isEqualTo("REQUIRES_PAYMENT");
        assertThat(own.json().path("amountMinor").asLong()).isEqualTo(2949);
        assertThat(own.text("currency")).isEqualTo("EUR");
        assertThat(own.text("clientSecret")).isEqualTo(redis.opsForValue().get(cacheKey));
        assertThat(own.json().path("split").isNull()).isTrue();
    }

    @Test
    void aLostClientSecretIsFetchedFromStripeAgain() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        checkout(order);
        String paymentId = awaitIntent(order.orderId()).path("paymentId").asString();
        redis.delete("payment:client-secret:" + paymentId);

        Response own = api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada));

        assertThat(own.text("clientSecret")).startsWith(own.text("providerReference") + "_secret_");
        assertThat(redis.opsForValue().get("payment:client-secret:" + paymentId)).isEqualTo(own.text("clientSecret"));
    }

    @Test
    void aVendorWithoutConnectedAccountIsChargedWithoutDestinationOrApplicationFee() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());

        checkout(order);

        JsonNode payment = awaitIntent(order.orderId());
        StripeRequest sent = StripeStandIn.intentCreations(order.orderId().toString()).getFirst();
        assertThat(sent.form()).containsEntry("amount", "2949")
                .doesNotContainKey("application_fee_amount")
                .doesNotContainKey("transfer_data[destination]");
        assertThat(payment.path("split").path("destinationAccountId").isNull()).isTrue();
        assertThat(payment.path("split").path("vendorShareMinor").asLong()).isEqualTo(2205);
    }

    @Test
    void aRedeliveredOrRepublishedOrderCreatedChangesNothing() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());

        String json = checkout(order);
        send(order, json);
        publish(order);

        String paymentId = awaitIntent(order.orderId()).path("paymentId").asString();
        // all three are consumed in order on the same partition; a later one would have shown by now
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(StripeStandIn.intentCreations(order.orderId().toString())).hasSize(1));
        Integer payments = jdbc.queryForObject("SELECT count(*) FROM payments WHERE order_id = ?", Integer.class,
                order.orderId());
        assertThat(payments).isEqualTo(1);
        assertThat(paymentId).isNotBlank();
    }

    @Test
    void aCancelThatArrivesBeforeTheOrderLeavesNoChargeableIntent() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());

        publish(Orders.cancelled(order, "PENDING_PAYMENT"));
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM early_cancellations WHERE order_id = ?", Integer.class, order.orderId()) == 1);
        publish(order);
        String held = publish(Orders.stockHeld(order));

        JsonNode payment = awaitPayment(order.orderId());
        assertThat(payment.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(payment.path("providerReference").isNull()).isTrue();
        // not even the stock hold that follows opens an intent for the cancelled order
        awaitProcessed(held);
        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).isEmpty();
        assertThat(awaitPayment(order.orderId()).path("status").asString()).isEqualTo("CANCELLED");
        Response own = api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada));
        assertThat(own.json().path("clientSecret").isNull()).isTrue();
    }

    @Test
    void cancellingAnUnpaidOrderCancelsItsIntent() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();

        publish(Orders.cancelled(order, "PENDING_PAYMENT"));

        JsonNode payment = awaitPaymentStatus(order.orderId(), "CANCELLED");
        List<StripeRequest> cancels = StripeStandIn.requests("POST", "/v1/payment_intents/" + intentId + "/cancel");
        assertThat(cancels).hasSize(1);
        assertThat(cancels.getFirst().form()).containsEntry("cancellation_reason", "abandoned");
        assertThat(payment.path("cancelledAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada)).json().path("clientSecret")
                .isNull()).isTrue();
    }

    @Test
    void aStripeErrorAtCreationFailsThePaymentForGood() {
        // Stripe refuses the currency: the stand-in answers 404 for nothing, so use an amount Stripe would reject
        OrderCreated order = Orders.singleItemOrder(UUID.randomUUID(), UUID.randomUUID(), 0, "EUR");
        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_FAILED)) {
            StripeStandIn.refuseNextIntentFor(order.orderId().toString(), "amount_too_small",
                    "Amount must be at least €0.50 eur");

            checkout(order);

            awaitPaymentStatus(order.orderId(), "FAILED");
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> failed = probe.valuesFor(order.orderId().toString());
                assertThat(failed).hasSize(1);
                PaymentFailed event = EventCodec.decode(failed.getFirst(), PaymentFailed.class).payload();
                assertThat(event.failureCode()).isEqualTo("amount_too_small");
                assertThat(event.providerReference()).isNull();
                assertThat(event.amountMinor()).isZero();
            });
        }
    }
}
