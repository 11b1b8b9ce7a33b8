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
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies {@code Stripe-Signature} ({@code t=...,v1=...}, HMAC-SHA256 of {@code t.payload} with the endpoint's
 * {@code whsec_...} secret, at most {@code tolerance} old) with {@link Webhook.Signature#verifyHeader} before reading
 * anything of the body, then reads the event and its object whatever API version the endpoint is pinned to. A body
 * that is signed but cannot be read ({@code data.object} missing, fields of the wrong type, no id) is a
 * {@link MalformedWebhookException}, never a server error.
 */
public class StripeWebhookVerifier implements WebhookVerifier {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookVerifier.class);

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
        try {
            // Webhook.constructEvent would parse the body first: an unsigned body must not get that far
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, toleranceSeconds);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // a header that is not of the t=...,v1=... form
            throw new InvalidWebhookException("unreadable Stripe-Signature header", e);
        }
        Event event;
        try {
            // checks the signature again (cheap), then parses with the SDK's own settings
            event = Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson's parse errors: signed, but not JSON of an event
            throw malformed("the body is not a Stripe event", e);
        }
        if (event == null || event.getId() == null || event.getType() == null) {
            throw malformed("the event has no id or type", null);
        }
        if (event.getCreated() == null) {
            throw malformed("the event has no created time", null);
        }
        try {
            return translate(event);
        } catch (MalformedWebhookException e) {
            throw e;
        } catch (RuntimeException e) {
            // NullPointerException for a missing data / data.object, Gson's errors for fields of the wrong type
            throw malformed("the " + event.getType() + " event's data.object cannot be read", e);
        }
    }

    private static MalformedWebhookException malformed(String message, Throwable cause) {
        log.debug("Malformed webhook: {}", message, cause);
        return new MalformedWebhookException(message, cause);
    }

    private static ProviderEvent translate(Event event) {
        String id = event.getId();
        String type = event.getType();
        Instant created = Instant.ofEpochSecond(event.getCreated());
        return switch (type) {
            case "payment_intent.succeeded" -> {
                PaymentIntent intent = object(event, PaymentIntent.class);
                yield new ProviderEvent.IntentSucceeded(id, type, created, required(intent.getId(), event),
                        intent.getAmountReceived() == null ? 0 : intent.getAmountReceived(), intent.getCurrency(),
                        intent.getLatestCharge(), metadata(intent.getMetadata()));
            }
            case "payment_intent.payment_failed" -> {
                PaymentIntent intent = object(event, PaymentIntent.class);
                StripeError error = intent.getLastPaymentError();
                yield new ProviderEvent.IntentFailed(id, type, created, required(intent.getId(), event),
                        error == null ? null : error.getCode(), error == null ? null : error.getMessage(),
                        metadata(intent.getMetadata()));
            }
            case "charge.refunded" -> {
                Charge charge = object(event, Charge.class);
                yield new ProviderEvent.ChargeRefunded(id, type, created, charge.getPaymentIntent(),
                        required(charge.getId(), event),
                        charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(),
                        metadata(charge.getMetadata()));
            }
            case "charge.succeeded", "charge.updated" -> {
                Charge charge = object(event, Charge.class);
                yield charge.getTransfer() == null ? new ProviderEvent.Other(id, type, created)
                        : new ProviderEvent.ChargeTransferred(id, type, created, charge.getPaymentIntent(),
                                required(charge.getId(), event), charge.getTransfer());
            }
            case "account.updated" -> {
                Account account = object(event, Account.class);
                yield new ProviderEvent.AccountUpdated(id, type, created, required(account.getId(), event),
                        Boolean.TRUE.equals(account.getChargesEnabled()),
                        Boolean.TRUE.equals(account.getPayoutsEnabled()),
                        Boolean.TRUE.equals(account.getDetailsSubmitted()));
            }
            default -> new ProviderEvent.Other(id, type, created);
        };
    }

    /** The event's object; events of another API version than the SDK's are read as they are. */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        if (event.getData() == null) {
            throw malformed("a " + event.getType() + " event must carry data.object", null);
        }
        // data without object: the deserializer fails, and verify() reports it as unreadable
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw malformed("the " + event.getType() + " event's data.object cannot be read", e);
            }
        });
        if (!type.isInstance(object)) {
            throw malformed("a " + event.getType() + " event must carry a " + type.getSimpleName()
                    + " in data.object", null);
        }
        return type.cast(object);
    }

    private static String required(String objectId, Event event) {
        if (objectId == null || objectId.isBlank()) {
            throw malformed("the " + event.getType() + " event's data.object has no id", null);
        }
        return objectId;
    }

    private static Map<String, String> metadata(Map<String, String> metadata) {
        return metadata == null ? Map.of() : metadata;
    }
}
