package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.OrderCreated;
import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.Topics;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeEvents;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.payment.support.StripeStandIn.StripeRequest;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefundIT extends PaymentIntegrationTest {

    /** An order whose customer has paid, as Stripe reported it; returns the payment as an admin sees it. */
    private JsonNode paidOrder(OrderCreated order) {
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        StripeStandIn.customerPaid(intentId);
        assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, order.totalMinor(), order.currency(),
                Map.of())));
        return awaitPaymentStatus(order.orderId(), "SUCCEEDED");
    }

    private Response refund(String paymentId, Object body, String token) {
        return api.post("/api/v1/payments/" + paymentId + "/refunds", body, token);
    }

    @Test
    void cancellingAPaidOrderRefundsItInFullAndReversesTheVendorTransfer() {
        ConnectedVendor luigi = connectedVendor();
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, luigi.vendorId());
        JsonNode payment = paidOrder(order);
        String intentId = payment.path("providerReference").asString();

        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_REFUNDED)) {
            publish(Orders.cancelled(order, "PLACED"));

            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> refunded = probe.valuesFor(order.orderId().toString());
                assertThat(refunded).hasSize(1);
                assertThat(EventCodec.decode(refunded.getFirst(), PaymentRefunded.class).payload()).isEqualTo(
                        new PaymentRefunded(UUID.fromString(payment.path("paymentId").asString()), order.orderId(),
                                ada, 2949, "EUR", intentId, "ORDER_CANCELLED"));
            });
        }
        List<StripeRequest> refunds = StripeStandIn.requests("POST", "/v1/refunds").stream()
                .filter(r -> intentId.equals(r.form().get("payment_intent"))).toList();
        assertThat(refunds).hasSize(1);
        assertThat(refunds.getFirst().form())
                .containsEntry("amount", "2949")
                .containsEntry("reverse_transfer", "true")
                .containsEntry("refund_application_fee", "true")
                .containsEntry("metadata[reason]", "ORDER_CANCELLED");
        assertThat(refunds.getFirst().idempotencyKey()).isNotBlank();

        JsonNode refunded = awaitPaymentStatus(order.orderId(), "REFUNDED");
        assertThat(refunded.path("refundedMinor").asLong()).isEqualTo(2949);
        assertThat(refunded.path("refunds").get(0).path("providerReference").asString()).startsWith("re_");
        assertThat(refunded.path("refunds").get(0).path("reason").asString()).isEqualTo("ORDER_CANCELLED");
    }

    @Test
    void aCancelRacingTheCustomersPaymentStillEndsRefunded() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        // the customer paid, but Stripe's webhook has not arrived when the order is cancelled
        StripeStandIn.customerPaid(intentId);

        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_COMPLETED, Topics.PAYMENT_REFUNDED)) {
            publish(Orders.cancelled(order, "PENDING_PAYMENT"));

            JsonNode payment = awaitPaymentStatus(order.orderId(), "REFUNDED");
            assertThat(payment.path("refundedMinor").asLong()).isEqualTo(2949);
            // the late webhook changes nothing more
            assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, 2949, "EUR", Map.of())));
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(probe.records().stream()
                    .filter(r -> r.key().equals(order.orderId().toString())).map(r -> r.topic()))
                    .containsExactlyInAnyOrder(Topics.PAYMENT_COMPLETED, Topics.PAYMENT_REFUNDED));
        }
        assertThat(outboxCount(Topics.PAYMENT_REFUNDED, order.orderId().toString())).isEqualTo(1);
        assertThat(outboxCount(Topics.PAYMENT_COMPLETED, order.orderId().toString())).isEqualTo(1);
    }

    @Test
    void aCaptureReportedAfterTheCancelIsGivenBack() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        publish(Orders.cancelled(order, "PENDING_PAYMENT"));
        awaitPaymentStatus(order.orderId(), "CANCELLED");

        // Stripe still captured it (the customer confirmed just before the cancel reached Stripe)
        assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, 2949, "EUR", Map.of())));

        JsonNode payment = awaitPaymentStatus(order.orderId(), "REFUNDED");
        assertThat(payment.path("refunds").get(0).path("amountMinor").asLong()).isEqualTo(2949);
        EventCodec.decode(jdbc.queryForObject("SELECT payload FROM outbox WHERE topic = ? AND aggregate_id = ?",
                String.class, Topics.PAYMENT_COMPLETED, order.orderId().toString()), PaymentCompleted.class);
    }

    @Test
    void partialRefundsCannotTogetherExceedTheCapturedAmount() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String paymentId = paidOrder(order).path("paymentId").asString();

        Response first = refund(paymentId, Map.of("amountMinor", 1000, "reason", "MISSING_ITEM"), admin());
        Response tooMuch = refund(paymentId, Map.of("amountMinor", 1950), admin());
        Response rest = refund(paymentId, Map.of("amountMinor", 1949), admin());
        Response nothingLeft = refund(paymentId, Map.of(), admin());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("refund").path("amountMinor").asLong()).isEqualTo(1000);
        assertThat(first.json().path("refund").path("reason").asString()).isEqualTo("MISSING_ITEM");
        assertThat(first.json().path("payment").path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(first.json().path("payment").path("refundableMinor").asLong()).isEqualTo(1949);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.text("type")).isEqualTo("/problems/refund-exceeds-captured");
        assertThat(rest.status()).isEqualTo(201);
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.text("type")).isEqualTo("/problems/already-refunded");

        JsonNode payment = api.get("/api/v1/payments/" + paymentId, admin()).json();
        assertThat(payment.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(payment.path("refunds").valueStream().mapToLong(r -> r.path("amountMinor").asLong()))
                .containsExactly(1000L, 1949L);
        assertThat(outboxCount(Topics.PAYMENT_REFUNDED, order.orderId().toString())).isEqualTo(2);
    }

    @Test
    void withoutAnAmountTheWholeRemainderIsRefunded() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String paymentId = paidOrder(order).path("paymentId").asString();

        Response response = refund(paymentId, null, admin());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("refund").path("amountMinor").asLong()).isEqualTo(2949);
        assertThat(response.json().path("refund").path("reason").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theIssuesRefundPathIsTheSameEndpoint() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String paymentId = paidOrder(order).path("paymentId").asString();
        String alias = "/api/v1/payments/refunds/" + paymentId;

        assertThat(api.post(alias, Map.of("amountMinor", 100), customer(order.customerId())).status())
                .isEqualTo(403);
        Response response = api.post(alias, Map.of("amountMinor", 100), admin());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("refund").path("amountMinor").asLong()).isEqualTo(100);
        assertThat(response.json().path("payment").path("refundedMinor").asLong()).isEqualTo(100);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstRefund() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String paymentId = paidOrder(order).path("paymentId").asString();
        Map<String, String> headers = Map.of("Idempotency-Key", "refund-" + paymentId);

        Response first = api.send("POST", "/api/v1/payments/" + paymentId + "/refunds", Map.of("amountMinor", 500),
                admin(), headers);
        Response again = api.send("POST", "/api/v1/payments/" + paymentId + "/refunds", Map.of("amountMinor", 500),
                admin(), headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("refund").path("refundId").asString())
                .isEqualTo(first.json().path("refund").path("refundId").asString());
        assertThat(again.json().path("payment").path("refundedMinor").asLong()).isEqualTo(500);
    }

    @Test
    void anUncapturedPaymentCannotBeRefunded() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String paymentId = awaitIntent(order.orderId()).path("paymentId").asString();

        Response response = refund(paymentId, Map.of("amountMinor", 100), admin());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("/problems/payment-not-captured");
    }

    @Test
    void onlyAdminsRefundAndAmountsMustBePositive() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        String paymentId = paidOrder(order).path("paymentId").asString();

        assertThat(refund(paymentId, Map.of("amountMinor", 100), customer(ada)).status()).isEqualTo(403);
        assertThat(refund(paymentId, Map.of("amountMinor", 100), null).status()).isEqualTo(401);
        Response negative = refund(paymentId, Map.of("amountMinor", -5), admin());
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("amountMinor");
        assertThat(refund(UUID.randomUUID().toString(), Map.of("amountMinor", 100), admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payments/" + paymentId, admin()).json().path("refundedMinor").asLong()).isZero();
    }
}
