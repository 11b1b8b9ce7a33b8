package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.OrderCreated;
import com.delivery.events.PaymentFailed;
import com.delivery.events.Topics;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeEvents;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.payment.support.StripeStandIn.HeldCreation;
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
 * The PaymentIntent is created after the stock hold's transaction has committed, outside any transaction, and each
 * way that Stripe call can go wrong ends with exactly one intent the customer can pay, or with a payment that fails
 * (or is cancelled) for a reason the order service acts on. The stand-in plays Stripe's faults for real over HTTP.
 */
class IntentCreationFaultsIT extends PaymentIntegrationTest {

    @Test
    void stripeUnreachableForAWhileStillEndsWithOneIntentAskedForWithTheSameKeyEveryTime() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String orderId = order.orderId().toString();
        StripeStandIn.unavailableForNextIntentsOf(orderId, 2);

        checkout(order);

        JsonNode payment = awaitIntent(order.orderId());
        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
        List<StripeRequest> attempts = StripeStandIn.intentCreations(orderId);
        assertThat(attempts).as("two refused by the outage, then the one that worked").hasSize(3);
        assertThat(attempts).extracting(StripeRequest::idempotencyKey).containsOnly(payment.path("paymentId")
                .asString());
        assertThat(StripeStandIn.intentsOf(orderId)).hasSize(1);
        assertThat(payment.path("providerReference").asString()).isEqualTo(StripeStandIn.intentsOf(orderId)
                .getFirst().get("id"));
    }

    @Test
    void anAnswerLostAfterStripeCreatedTheIntentBooksThatSameIntentOnce() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String orderId = order.orderId().toString();
        StripeStandIn.loseNextIntentAnswerFor(orderId);

        checkout(order);

        JsonNode payment = awaitIntent(order.orderId());
        assertThat(StripeStandIn.intentCreations(orderId)).as("the lost answer, then the retry").hasSize(2);
        assertThat(StripeStandIn.intentsOf(orderId)).as("Stripe made one intent for both requests").hasSize(1);
        assertThat(payment.path("providerReference").asString())
                .isEqualTo(StripeStandIn.intentsOf(orderId).getFirst().get("id"));
        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
    }

    @Test
    void stripeUnreachablePastTheGiveUpTimeFailsThePaymentOnceSoTheOrderIsCancelled() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String orderId = order.orderId().toString();
        StripeStandIn.unavailableForNextIntentsOf(orderId, Integer.MAX_VALUE);
        try (EventProbe probe = EventProbe.open(Topics.PAYMENT_FAILED)) {
            checkout(order);

            JsonNode payment = awaitPaymentStatus(order.orderId(), "FAILED");
            assertThat(payment.path("providerReference").isNull()).isTrue();
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                List<String> failed = probe.valuesFor(orderId);
                assertThat(failed).hasSize(1);
                PaymentFailed event = EventCodec.decode(failed.getFirst(), PaymentFailed.class).payload();
                assertThat(event.failureCode()).isEqualTo("PROVIDER_UNAVAILABLE");
            });
            int attemptsWhenFailed = StripeStandIn.intentCreations(orderId).size();
            assertThat(attemptsWhenFailed).as("retried with a back-off before giving up").isBetween(3, 8);
            // nothing asks Stripe again once the payment has failed, and no second payment.failed follows
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(StripeStandIn.intentCreations(orderId)).hasSize(attemptsWhenFailed);
                assertThat(probe.valuesFor(orderId)).hasSize(1);
            });
        } finally {
            StripeStandIn.availableAgainFor(orderId);
        }
    }

    @Test
    void anOrderCancelledWhileStripeCreatesTheIntentHasThatIntentCancelledAtStripe() {
        UUID ada = UUID.randomUUID();
        OrderCreated order = Orders.pizzaOrder(ada, UUID.randomUUID());
        String orderId = order.orderId().toString();
        HeldCreation held = StripeStandIn.holdNextIntentFor(orderId);
        try {
            checkout(order);
            await().atMost(EVENTUALLY).until(held::arrived);

            publish(Orders.cancelled(order, "PENDING_PAYMENT"));
            awaitPaymentStatus(order.orderId(), "CANCELLED");
        } finally {
            held.release();
        }

        String intentId = (String) await().atMost(EVENTUALLY)
                .until(() -> StripeStandIn.intentsOf(orderId), intents -> intents.size() == 1).getFirst().get("id");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(StripeStandIn
                .requests("POST", "/v1/payment_intents/" + intentId + "/cancel")).hasSize(1));
        JsonNode payment = awaitPayment(order.orderId());
        assertThat(payment.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/payments/orders/" + order.orderId(), customer(ada)).json()
                .path("clientSecret").isNull()).as("nobody can pay the cancelled order's intent").isTrue();
    }

    @Test
    void aRequestLeftOpenByAServiceThatDiedBeforeCallingStripeIsSentByTheSweep() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        awaitProcessed(publish(order));
        // the state a kill -9 leaves between the stock hold's commit and the call to Stripe: asked for, never sent
        int marked = jdbc.update("UPDATE payments SET intent_requested_at = now(), intent_next_attempt_at = now()"
                + " WHERE order_id = ? AND status = 'AWAITING_STOCK'", order.orderId());
        assertThat(marked).isEqualTo(1);

        JsonNode payment = awaitIntent(order.orderId());

        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT");
        assertThat(StripeStandIn.intentCreations(order.orderId().toString())).hasSize(1);
    }

    @Test
    void aWebhookThatOvertakesTheBookingOfItsIntentIsAskedForAgainAndAppliedOnceBooked() {
        OrderCreated order = Orders.pizzaOrder(UUID.randomUUID(), UUID.randomUUID());
        String orderId = order.orderId().toString();
        HeldCreation held = StripeStandIn.holdNextIntentFor(orderId);
        StripeEvents.Signed succeeded;
        try {
            checkout(order);
            await().atMost(EVENTUALLY).until(held::arrived);
            String paymentId = awaitPayment(order.orderId()).path("paymentId").asString();
            succeeded = StripeEvents.intentSucceeded(StripeStandIn.intentIdFor(paymentId), 2949, "EUR",
                    Map.of("paymentId", paymentId));

            Response early = postWebhook(succeeded);

            assertThat(early.status()).as(early.toString()).isEqualTo(503);
            assertThat(early.text("type")).isEqualTo("/problems/payment-not-yet-known");
            assertThat(awaitPayment(order.orderId()).path("status").asString()).isEqualTo("AWAITING_STOCK");
        } finally {
            held.release();
        }
        awaitIntent(order.orderId());

        // Stripe delivers it again, now that the intent is ours on record
        Response again = postWebhook(succeeded);

        assertAccepted(again);
        assertThat(again.text("outcome")).isEqualTo("APPLIED");
        assertThat(awaitPayment(order.orderId()).path("status").asString()).isEqualTo("SUCCEEDED");
    }
}
