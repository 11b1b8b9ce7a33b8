package com.delivery.payment.support;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Stripe webhook events as Stripe sends them, signed like Stripe signs them ({@code Stripe-Signature}). */
public final class StripeEvents {

    /** The webhook secret of the test profile (application-test.yml). */
    public static final String SECRET = "whsec_test_only_not_a_secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeEvents() {
    }

    /** A body and the header that signs it. */
    public record Signed(String eventId, String payload, String signature) {

        public Map<String, String> headers() {
            return Map.of("Stripe-Signature", signature, "Content-Type", "application/json; charset=utf-8");
        }

        /** The same body with a signature made with another secret. */
        public Signed forged() {
            return new Signed(eventId, payload, sign(payload, "whsec_someone_else", Instant.now()));
        }

        /** The same body, signed correctly but long ago (a replay). */
        public Signed stale() {
            return new Signed(eventId, payload, sign(payload, SECRET, Instant.now().minusSeconds(3600)));
        }

        /**
         * The same event as Stripe delivers it again later: {@code created} stays when the event happened, the
         * signature is made now.
         */
        public Signed createdAt(Instant created) {
            return edited(event -> event.put("created", created.getEpochSecond()));
        }

        /** The event changed by {@code edit} on its JSON, then signed correctly: what Stripe would never send. */
        public Signed edited(Consumer<ObjectNode> edit) {
            ObjectNode event = (ObjectNode) JSON.readTree(payload);
            edit.accept(event);
            return signed(eventId, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event));
        }
    }

    /** Any body, signed correctly with the test profile's secret. */
    public static Signed signed(String eventId, String payload) {
        return new Signed(eventId, payload, sign(payload, SECRET, Instant.now()));
    }

    public static Signed intentSucceeded(String intentId, long amount, String currency, Map<String, String> metadata) {
        Map<String, Object> intent = intent(intentId, amount, currency, "succeeded", metadata);
        intent.put("amount_received", amount);
        intent.put("latest_charge", "ch_" + intentId.substring(3));
        return event("payment_intent.succeeded", intent);
    }

    public static Signed intentFailed(String intentId, long amount, String currency, String code, String message) {
        Map<String, Object> intent = intent(intentId, amount, currency, "requires_payment_method", Map.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("decline_code", "generic_decline");
        error.put("message", message);
        error.put("type", "card_error");
        intent.put("last_payment_error", error);
        return event("payment_intent.payment_failed", intent);
    }

    /** {@code charge.refunded} with the charge's refunded total. */
    public static Signed chargeRefunded(String intentId, long amount, long amountRefunded, String currency) {
        Map<String, Object> charge = charge(intentId, amount, currency);
        charge.put("amount_refunded", amountRefunded);
        charge.put("refunded", amountRefunded == amount);
        return event("charge.refunded", charge);
    }

    /** {@code charge.succeeded} of a destination charge, naming its transfer. */
    public static Signed chargeSucceeded(String intentId, long amount, String currency, String transferId) {
        Map<String, Object> charge = charge(intentId, amount, currency);
        charge.put("transfer", transferId);
        return event("charge.succeeded", charge);
    }

    public static Signed accountUpdated(String accountId, boolean chargesEnabled, boolean payoutsEnabled) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", accountId);
        account.put("object", "account");
        account.put("charges_enabled", chargesEnabled);
        account.put("payouts_enabled", payoutsEnabled);
        account.put("details_submitted", chargesEnabled);
        account.put("type", "express");
        return event("account.updated", account);
    }

    public static Signed ofType(String type, Map<String, Object> object) {
        return event(type, object);
    }

    private static Map<String, Object> intent(String intentId, long amount, String currency, String status,
            Map<String, String> metadata) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", intentId);
        intent.put("object", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_received", 0);
        intent.put("currency", currency.toLowerCase());
        intent.put("livemode", false);
        intent.put("metadata", metadata);
        intent.put("status", status);
        intent.put("latest_charge", null);
        intent.put("last_payment_error", null);
        return intent;
    }

    private static Map<String, Object> charge(String intentId, long amount, String currency) {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_" + intentId.substring(3));
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("amount_captured", amount);
        charge.put("amount_refunded", 0);
        charge.put("captured", true);
        charge.put("currency", currency.toLowerCase());
        charge.put("livemode", false);
        charge.put("metadata", Map.of());
        charge.put("paid", true);
        charge.put("payment_intent", intentId);
        charge.put("refunded", false);
        charge.put("status", "succeeded");
        charge.put("transfer", null);
        return charge;
    }

    private static Signed event(String type, Map<String, Object> object) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        String payload = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        return new Signed(id, payload, sign(payload, SECRET, Instant.now()));
    }

    static String sign(String payload, String secret, Instant at) {
        long timestamp = at.getEpochSecond();
        try {
            return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
