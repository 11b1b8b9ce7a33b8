package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCreated;
import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentFailed;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.Topics;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeEvents;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StripeWebhookIT extends PaymentIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aSignedSucceededWebhookCompletesThePayment() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        String orderCorrelation = EventCodec.decode(checkout(order)).correlationId();
        JsonNode payment = awaitIntent(order.orderId());
        String intentId = payment.path("providerReference").asString();

        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_COMPLETED)) {
            Response response = postWebhook(StripeEvents.intentSucceeded(intentId, 2949, "EUR",
                    Map.of("orderId", order.orderId().toString())));

            assertAccepted(response);
            assertThat(response.text("outcome")).isEqualTo("APPLIED");
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> completed = probe.valuesFor(order.orderId().toString());
                assertThat(completed).hasSize(1);
                EventEnvelope<PaymentCompleted> event = EventCodec.decode(completed.getFirst(), PaymentCompleted.class);
                assertThat(event.correlationId()).isEqualTo(orderCorrelation);
                assertThat(event.payload()).isEqualTo(new PaymentCompleted(
                        UUID.fromString(payment.path("paymentId").asString()), order.orderId(), ada, 2949, "EUR",
                        intentId));
            });
        }
        JsonNode paid = awaitPaymentStatus(order.orderId(), "SUCCEEDED");
        assertThat(paid.path("capturedMinor").asLong()).isEqualTo(2949);
        assertThat(paid.path("capturedAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada)).json().path("clientSecret")
                .isNull()).isTrue();
    }

    @Test
    void aWebhookDeliveredTwiceAtOnceCompletesThePaymentExactlyOnce() throws Exception {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        StripeEvents.Signed succeeded = StripeEvents.intentSucceeded(intentId, 2949, "EUR", Map.of());

        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_COMPLETED)) {
            int deliveries = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(deliveries);
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return postWebhook(succeeded);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<Response> response : responses) {
                Response r = response.get(30, TimeUnit.SECONDS);
                assertAccepted(r);
                outcomes.add(r.text("outcome"));
            }
            pool.shutdown();

            assertThat(outcomes).containsExactlyInAnyOrder("APPLIED", "DUPLICATE", "DUPLICATE", "DUPLICATE");
            assertThat(outboxCount(Topics.PAYMENT_COMPLETED, order.orderId().toString())).isEqualTo(1);
            await().atMost(EVENTUALLY).until(() -> probe.valuesFor(order.orderId().toString()).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> probe.valuesFor(order.orderId().toString()).size() == 1);
        }
        assertThat(postWebhook(succeeded).text("outcome")).isEqualTo("DUPLICATE");
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndChangesNothing() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        StripeEvents.Signed genuine = StripeEvents.intentSucceeded(intentId, 2949, "EUR", Map.of());

        Response forged = postWebhook(genuine.forged());
        Response stale = postWebhook(genuine.stale());
        Response unsigned = api.send("POST", WEBHOOK, genuine.payload(), null, Map.of());
        Response tampered = api.send("POST", WEBHOOK, genuine.payload().replace("2949", "1"), null,
                genuine.headers());

        for (Response refused : List.of(forged, stale, unsigned, tampered)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo("/problems/invalid-signature");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stripe_events WHERE event_id = ?", Integer.class,
                genuine.eventId())).isZero();
        assertThat(awaitPayment(order.orderId()).path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
        assertThat(outboxCount(Topics.PAYMENT_COMPLETED, order.orderId().toString())).isZero();

        // the genuine delivery still works afterwards: nothing was recorded for the refused ones
        assertThat(postWebhook(genuine).text("outcome")).isEqualTo("APPLIED");
    }

    @Test
    void aPaymentFailedWebhookPublishesPaymentFailed() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        checkout(order);
        JsonNode payment = awaitIntent(order.orderId());
        String intentId = payment.path("providerReference").asString();

        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_FAILED)) {
            assertAccepted(postWebhook(StripeEvents.intentFailed(intentId, 2949, "EUR", "card_declined",
                    "Your card was declined.")));

            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> failed = probe.valuesFor(order.orderId().toString());
                assertThat(failed).hasSize(1);
                assertThat(EventCodec.decode(failed.getFirst(), PaymentFailed.class).payload()).isEqualTo(
                        new PaymentFailed(UUID.fromString(payment.path("paymentId").asString()), order.orderId(), ada,
                                2949, "EUR", intentId, "card_declined", "Your card was declined."));
            });
        }
        JsonNode failed = awaitPaymentStatus(order.orderId(), "FAILED");
        assertThat(failed.path("failureCode").asString()).isEqualTo("card_declined");
    }

    @Test
    void aLateFailureNoticeAfterSuccessChangesNothing() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, 2949, "EUR", Map.of())));

        assertAccepted(postWebhook(StripeEvents.intentFailed(intentId, 2949, "EUR", "card_declined", "Declined.")));

        assertThat(awaitPayment(order.orderId()).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(outboxCount(Topics.PAYMENT_FAILED, order.orderId().toString())).isZero();
    }

    @Test
    void aRefundMadeInTheStripeDashboardIsBooked() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        checkout(order);
        String intentId = awaitIntent(order.orderId()).path("providerReference").asString();
        assertAccepted(postWebhook(StripeEvents.intentSucceeded(intentId, 2949, "EUR", Map.of())));

        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_REFUNDED)) {
            assertAccepted(postWebhook(StripeEvents.chargeRefunded(intentId, 2949, 949, "EUR")));

            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> refunded = probe.valuesFor(order.orderId().toString());
                assertThat(refunded).hasSize(1);
                PaymentRefunded event = EventCodec.decode(refunded.getFirst(), PaymentRefunded.class).payload();
                assertThat(event.amountMinor()).isEqualTo(949);
                assertThat(event.reason()).isEqualTo("PROVIDER");
                assertThat(event.providerReference()).isEqualTo(intentId);
            });
        }
        JsonNode payment = awaitPaymentStatus(order.orderId(), "PARTIALLY_REFUNDED");
        assertThat(payment.path("refundedMinor").asLong()).isEqualTo(949);
        assertThat(payment.path("refunds")).hasSize(1);

        // the full refund later: only the difference is new
        assertAccepted(postWebhook(StripeEvents.chargeRefunded(intentId, 2949, 2949, "EUR")));
        JsonNode refunded = awaitPaymentStatus(order.orderId(), "REFUNDED");
        assertThat(refunded.path("refunds").valueStream().mapToLong(r -> r.path("amountMinor").asLong()))
                .containsExactly(949L, 2000L);
    }

    @Test
    void eventsOfUnknownTypesAreAcknowledgedAndIgnored() {
        StripeEvents.Signed event = StripeEvents.ofType("customer.created",
                Map.of("id", "cus_" + UUID.randomUUID().toString().substring(0, 8), "object", "customer"));

        Response response = postWebhook(event);

        assertAccepted(response);
        assertThat(response.text("outcome")).isEqualTo("IGNORED");
        assertThat(postWebhook(event).text("outcome")).isEqualTo("DUPLICATE");
    }

    @Test
    void aSucceededWebhookForAnIntentOfSomeoneElseIsIgnored() {
        Response response = postWebhook(StripeEvents.intentSucceeded("pi_not_ours_" + UUID.randomUUID(), 100, "EUR",
                Map.of()));

        assertAccepted(response);
        assertThat(response.text("outcome")).isEqualTo("IGNORED");
    }

    @Test
    void aSucceededWebhookForOneOfOurPaymentsNotYetRecordedIsAskedAgainLater() {
        UUID unknownPayment = UUID.randomUUID();
        StripeEvents.Signed early = StripeEvents.intentSucceeded("pi_early_" + unknownPayment, 100, "EUR",
                Map.of("paymentId", unknownPayment.toString()));
        double ignoredBefore = ignoredUnknownPayments();

        Response response = postWebhook(early);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/payment-not-yet-known");
        // the window (10 min) is far from over: ask again within a minute
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
        assertThat(recordedEvents(early.eventId())).isZero();
        assertThat(ignoredUnknownPayments()).isEqualTo(ignoredBefore);
    }

    @Test
    void aWebhookForOneOfOurPaymentsStillUnknownAfterTheWindowIsAcknowledgedAndIgnoredOnce() {
        UUID neverRecorded = UUID.randomUUID();
        String intentId = "pi_orphan_" + neverRecorded;
        // Stripe still retrying an event of 11 minutes ago: created stays, the signature is new
        StripeEvents.Signed late = StripeEvents.intentSucceeded(intentId, 2949, "EUR",
                Map.of("paymentId", neverRecorded.toString())).createdAt(Instant.now().minus(Duration.ofMinutes(11)));
        double ignoredBefore = ignoredUnknownPayments();

        Response response = postWebhook(late);

        assertAccepted(response);
        assertThat(response.text("outcome")).isEqualTo("IGNORED");
        Map<String, Object> recorded = jdbc.queryForMap(
                "SELECT outcome, ignored_reason, created_at FROM stripe_events WHERE event_id = ?", late.eventId());
        assertThat(recorded).containsEntry("outcome", "IGNORED").containsEntry("ignored_reason", "unknown-payment");
        assertThat(recorded.get("created_at")).isNotNull();
        assertThat(ignoredUnknownPayments()).isEqualTo(ignoredBefore + 1);

        // Stripe's next attempt (or a resend from its dashboard): the same event id, acknowledged, nothing more
        Response again = postWebhook(late.createdAt(Instant.now().minus(Duration.ofMinutes(11))));
        assertAccepted(again);
        assertThat(again.text("outcome")).isEqualTo("DUPLICATE");
        assertThat(recordedEvents(late.eventId())).isEqualTo(1);
        assertThat(ignoredUnknownPayments()).isEqualTo(ignoredBefore + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE id = ? OR provider_intent_id = ?",
                Integer.class, neverRecorded, intentId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE payload LIKE ?", Integer.class,
                "%" + neverRecorded + "%")).isZero();
    }

    @Test
    void aSignedEventThatCannotBeReadIsABadRequestNeverAServerError() {
        StripeEvents.Signed genuine = StripeEvents.intentSucceeded("pi_" + UUID.randomUUID().toString()
                .replace("-", ""), 2949, "EUR", Map.of("paymentId", UUID.randomUUID().toString()));
        List<StripeEvents.Signed> malformed = List.of(
                genuine.edited(event -> event.remove("data")),
                genuine.edited(event -> event.putObject("data")),
                genuine.edited(event -> ((tools.jackson.databind.node.ObjectNode) event.get("data").get("object"))
                        .put("amount_received", "a lot")),
                genuine.edited(event -> event.put("data", "not an object")),
                genuine.edited(event -> ((tools.jackson.databind.node.ObjectNode) event.get("data").get("object"))
                        .put("object", "customer")),
                genuine.edited(event -> event.remove("created")),
                StripeEvents.signed(genuine.eventId(), "{\"id\": \"" + genuine.eventId() + "\", \"type\": "),
                StripeEvents.signed(genuine.eventId(), "[1, 2, 3]"));

        for (StripeEvents.Signed event : malformed) {
            Response response = postWebhook(event);
            assertThat(response.status()).as("%s -> %s", event.payload(), response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("type")).isEqualTo("/problems/malformed-event");
        }
        assertThat(recordedEvents(genuine.eventId())).isZero();
    }

    private int recordedEvents(String eventId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM stripe_events WHERE event_id = ?", Integer.class,
                eventId);
        return count == null ? 0 : count;
    }

    private double ignoredUnknownPayments() {
        return meters.get("stripe.webhooks.ignored").tag("reason", "unknown-payment").counter().count();
    }
}
