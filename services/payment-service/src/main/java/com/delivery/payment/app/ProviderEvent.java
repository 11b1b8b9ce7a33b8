package com.delivery.payment.app;

import java.time.Instant;
import java.util.Map;

/** What a verified provider webhook reports, in the terms the payment service cares about. */
public sealed interface ProviderEvent {

    /** The provider's event id (Stripe {@code evt_...}); redeliveries carry the same id. */
    String eventId();

    /** The provider's event type, e.g. {@code payment_intent.succeeded}. */
    String type();

    /**
     * When the provider created the event (Stripe's {@code created}); redeliveries keep it, whatever the age of their
     * signature.
     */
    Instant created();

    /** {@code payment_intent.succeeded}. */
    record IntentSucceeded(String eventId, String type, Instant created, String intentId, long amountReceived,
            String currency, String chargeId, Map<String, String> metadata) implements ProviderEvent {
    }

    /** {@code payment_intent.payment_failed}. */
    record IntentFailed(String eventId, String type, Instant created, String intentId, String failureCode,
            String message, Map<String, String> metadata) implements ProviderEvent {
    }

    /** {@code charge.refunded}: {@code amountRefunded} is the charge's refunded total so far. */
    record ChargeRefunded(String eventId, String type, Instant created, String intentId, String chargeId,
            long amountRefunded, Map<String, String> metadata) implements ProviderEvent {
    }

    /** {@code charge.succeeded} / {@code charge.updated} of a destination charge whose transfer exists. */
    record ChargeTransferred(String eventId, String type, Instant created, String intentId, String chargeId,
            String transferId) implements ProviderEvent {
    }

    /** {@code account.updated} of a connected account. */
    record AccountUpdated(String eventId, String type, Instant created, String accountId, boolean chargesEnabled,
            boolean payoutsEnabled, boolean detailsSubmitted) implements ProviderEvent {
    }

    /** Anything else: acknowledged and ignored. */
    record Other(String eventId, String type, Instant created) implements ProviderEvent {
    }
}
