package com.delivery.payment.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.payment.app.ProviderEvent;
import com.delivery.payment.app.WebhookVerifier.InvalidWebhookException;
import com.delivery.payment.app.WebhookVerifier.MalformedWebhookException;
import com.delivery.payment.support.StripeEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {

    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(StripeEvents.SECRET, Duration.ofMinutes(5));

    @Test
    void readsASignedSucceededEvent() {
        StripeEvents.Signed event = StripeEvents.intentSucceeded("pi_123", 2949, "EUR", Map.of("paymentId", "p-1"));

        ProviderEvent verified = verifier.verify(event.payload(), event.signature());

        assertThat(verified).isEqualTo(new ProviderEvent.IntentSucceeded(event.eventId(), "payment_intent.succeeded",
                verified.created(), "pi_123", 2949, "eur", "ch_123", Map.of("paymentId", "p-1")));
        assertThat(verified.created()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void readsTheFailureCodeAndMessage() {
        StripeEvents.Signed event = StripeEvents.intentFailed("pi_9", 100, "EUR", "expired_card", "Your card has expired.");

        ProviderEvent.IntentFailed failed = (ProviderEvent.IntentFailed) verifier.verify(event.payload(),
                event.signature());

        assertThat(failed.failureCode()).isEqualTo("expired_card");
        assertThat(failed.message()).isEqualTo("Your card has expired.");
    }

    @Test
    void aChargeWithoutTransferIsOfNoInterest() {
        StripeEvents.Signed event = StripeEvents.chargeSucceeded("pi_9", 100, "EUR", null);

        assertThat(verifier.verify(event.payload(), event.signature())).isInstanceOf(ProviderEvent.Other.class);
    }

    @Test
    void refusesForgedStaleTamperedAndUnsignedEvents() {
        StripeEvents.Signed event = StripeEvents.intentSucceeded("pi_123", 2949, "EUR", Map.of());

        assertThatThrownBy(() -> verifier.verify(event.payload(), event.forged().signature()))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(event.payload(), event.stale().signature()))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(event.payload() + " ", event.signature()))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(event.payload(), null)).isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify("not json", event.signature()))
                .isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsRead() {
        StripeEvents.Signed garbage = StripeEvents.signed("evt_1", "not json");

        assertThatThrownBy(() -> verifier.verify(garbage.payload(), garbage.forged().signature()))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(garbage.payload(), "t=yesterday,v1=zz"))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(garbage.payload(), garbage.signature()))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("not a Stripe event");
    }

    @Test
    void aSignedEventWithoutAReadableObjectIsMalformed() {
        StripeEvents.Signed event = StripeEvents.intentSucceeded("pi_123", 2949, "EUR", Map.of());

        for (StripeEvents.Signed malformed : java.util.List.of(
                event.edited(e -> e.remove("data")),
                event.edited(e -> e.putObject("data")),
                event.edited(e -> ((tools.jackson.databind.node.ObjectNode) e.get("data").get("object"))
                        .put("amount_received", "a lot")),
                event.edited(e -> ((tools.jackson.databind.node.ObjectNode) e.get("data").get("object"))
                        .remove("id")),
                event.edited(e -> ((tools.jackson.databind.node.ObjectNode) e.get("data").get("object"))
                        .put("object", "customer")),
                event.edited(e -> e.remove("created")),
                event.edited(e -> e.remove("id")))) {
            assertThatThrownBy(() -> verifier.verify(malformed.payload(), malformed.signature()))
                    .as(malformed.payload()).isInstanceOf(MalformedWebhookException.class);
        }
    }

    @Test
    void readsWhenTheEventWasCreated() {
        Instant tenMinutesAgo = Instant.now().minusSeconds(600);
        StripeEvents.Signed event = StripeEvents.ofType("customer.created", Map.of("id", "cus_1", "object", "customer"))
                .createdAt(tenMinutesAgo);

        assertThat(verifier.verify(event.payload(), event.signature()).created())
                .isEqualTo(Instant.ofEpochSecond(tenMinutesAgo.getEpochSecond()));
    }

    @Test
    void withoutASecretNothingIsAccepted() {
        StripeEvents.Signed event = StripeEvents.intentSucceeded("pi_123", 2949, "EUR", Map.of());

        assertThatThrownBy(() -> new StripeWebhookVerifier("", Duration.ofMinutes(5)).verify(event.payload(),
                event.signature())).isInstanceOf(IllegalStateException.class);
    }
}
