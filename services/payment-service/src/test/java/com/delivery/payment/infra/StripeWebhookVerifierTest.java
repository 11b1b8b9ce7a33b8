package com.delivery.payment.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.payment.app.ProviderEvent;
import com.delivery.payment.app.WebhookVerifier.InvalidWebhookException;
import com.delivery.payment.support.StripeEvents;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {

    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(StripeEvents.SECRET, Duration.ofMinutes(5));

    @Test
    void readsASignedSucceededEvent() {
        StripeEvents.Signed event = StripeEvents.intentSucceeded("pi_123", 2949, "EUR", Map.of("paymentId", "p-1"));

        ProviderEvent verified = verifier.verify(event.payload(), event.signature());

        assertThat(verified).isEqualTo(new ProviderEvent.IntentSucceeded(event.eventId(), "payment_intent.succeeded",
                "pi_123", 2949, "eur", "ch_123", Map.of("paymentId", "p-1")));
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
    void withoutASecretNothingIsAccepted() {
        StripeEvents.Signed event = StripeEvents.intentSucceeded("pi_123", 2949, "EUR", Map.of());

        assertThatThrownBy(() -> new StripeWebhookVerifier("", Duration.ofMinutes(5)).verify(event.payload(),
                event.signature())).isInstanceOf(IllegalStateException.class);
    }
}
