package com.delivery.journeys;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/** Stripe as seen by the payment service: webhook events posted with a {@code Stripe-Signature} header. */
final class Stripe {

    /** The API version of the Stripe SDK the payment service uses (stripe-java 31.x). */
    private static final String API_VERSION = "2026-02-25.clover";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient payments;
    private final String secret;

    Stripe(ApiClient payments, String secret) {
        this.payments = payments;
        this.secret = secret;
    }

    /** Stripe tells the platform the customer's card was charged for the intent. */
    Response paymentIntentSucceeded(String intentId, long amountMinor, String currency, String paymentId) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", intentId);
        intent.put("object", "payment_intent");
        intent.put("amount", amountMinor);
        intent.put("amount_received", amountMinor);
        intent.put("currency", currency.toLowerCase());
        intent.put("livemode", false);
        intent.put("metadata", Map.of("paymentId", paymentId));
        intent.put("status", "succeeded");
        intent.put("latest_charge", "ch_" + intentId.substring(3));
        intent.put("last_payment_error", null);
        return post(event("payment_intent.succeeded", intent));
    }

    /** Stripe tells the platform the customer's card was declined for the intent. */
    Response paymentIntentFailed(String intentId, long amountMinor, String currency, String paymentId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "card_error");
        error.put("code", "card_declined");
        error.put("decline_code", "insufficient_funds");
        error.put("message", "Your card has insufficient funds.");
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", intentId);
        intent.put("object", "payment_intent");
        intent.put("amount", amountMinor);
        intent.put("amount_received", 0);
        intent.put("currency", currency.toLowerCase());
        intent.put("livemode", false);
        intent.put("metadata", Map.of("paymentId", paymentId));
        intent.put("status", "requires_payment_method");
        intent.put("latest_charge", null);
        intent.put("last_payment_error", error);
        return post(event("payment_intent.payment_failed", intent));
    }

    private static String event(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        return JSON.writeValueAsString(event);
    }

    private Response post(String body) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = "t=" + timestamp + ",v1=" + hmacSha256(secret, timestamp + "." + body);
        return payments.send("POST", "/api/v1/payments/webhooks/stripe", body, null,
                Map.of("Stripe-Signature", signature));
    }

    private static String hmacSha256(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
