package com.delivery.payment.infra;

import com.delivery.payment.app.ProviderEvent;
import com.delivery.payment.app.WebhookVerifier;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.time.Duration;
import java.util.Map;

/**
 * Verifies {@code Stripe-Signature} ({@code t=...,v1=...}, HMAC-SHA256 of {@code t.payload} with the endpoint's
 * {@code whsec_...} secret, at most {@code tolerance} old) with {@link Webhook#constructEvent}, then reads the event
 * object whatever API version the endpoint is pinned to.
 */
public class StripeWebhookVerifier implements WebhookVerifier {

    private final String secret;
    private final long toleranceSeconds;

    public StripeWebhookVerifier(String secret, Duration tolerance) {
        this.secret = secret;
        this.toleranceSeconds = tolerance.toSeconds();
    }

    @Override
    public ProviderEvent verify(String payload, String signatureHeader) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("No webhook secret configured (payment.stripe.webhook-secret)");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("no Stripe-Signature header", null);
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson's parse errors: the body is not JSON of an event
            throw new InvalidWebhookException("the body is not a Stripe event", e);
        }
        if (event.getId() == null || event.getType() == null) {
            throw new InvalidWebhookException("the event has no id or type", null);
        }
        return translate(event);
    }

    private static ProviderEvent translate(Event event) {
        String id = event.getId();
        String type = event.getType();
        return switch (type) {
            case "payment_intent.succeeded" -> {
                PaymentIntent intent = object(event, PaymentIntent.class);
                yield new ProviderEvent.IntentSucceeded(id, type, intent.getId(),
                        intent.getAmountReceived() == null ? 0 : intent.getAmountReceived(), intent.getCurrency(),
                        intent.getLatestCharge(), metadata(intent.getMetadata()));
            }
            case "payment_intent.payment_failed" -> {
                PaymentIntent intent = object(event, PaymentIntent.class);
                StripeError error = intent.getLastPaymentError();
                yield new ProviderEvent.IntentFailed(id, type, intent.getId(), error == null ? null : error.getCode(),
                        error == null ? null : error.getMessage(), metadata(intent.getMetadata()));
            }
            case "charge.refunded" -> {
                Charge charge = object(event, Charge.class);
                yield new ProviderEvent.ChargeRefunded(id, type, charge.getPaymentIntent(), charge.getId(),
                        charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(),
                        metadata(charge.getMetadata()));
            }
            case "charge.succeeded", "charge.updated" -> {
                Charge charge = object(event, Charge.class);
                yield charge.getTransfer() == null ? new ProviderEvent.Other(id, type)
                        : new ProviderEvent.ChargeTransferred(id, type, charge.getPaymentIntent(), charge.getId(),
                                charge.getTransfer());
            }
            case "account.updated" -> {
                Account account = object(event, Account.class);
                yield new ProviderEvent.AccountUpdated(id, type, account.getId(),
                        Boolean.TRUE.equals(account.getChargesEnabled()),
                        Boolean.TRUE.equals(account.getPayoutsEnabled()),
                        Boolean.TRUE.equals(account.getDetailsSubmitted()));
            }
            default -> new ProviderEvent.Other(id, type);
        };
    }

    /** The event's object; events of another API version than the SDK's are read as they are. */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new InvalidWebhookException("the event object cannot be read: " + e.getMessage(), e);
            }
        });
        if (!type.isInstance(object)) {
            throw new InvalidWebhookException("a " + event.getType() + " event must carry a "
                    + type.getSimpleName(), null);
        }
        return type.cast(object);
    }

    private static Map<String, String> metadata(Map<String, String> metadata) {
        return metadata == null ? Map.of() : metadata;
    }
}
