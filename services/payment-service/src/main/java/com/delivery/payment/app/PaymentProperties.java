package com.delivery.payment.app;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment service under {@code payment.*}.
 *
 * @param platformFeePercent {@code PLATFORM_FEE_PERCENT}: the platform's commission on the item subtotal (10 = 10%),
 *                           used to cross-check the fee each order carries
 * @param clientSecretTtl    how long a PaymentIntent's client secret stays cached in Redis
 * @param stripe             Stripe access; without a secret key the simulated gateway is used
 * @param connect            where Stripe sends vendors during and after Connect onboarding
 * @param intents            how PaymentIntents are created once the stock is held
 */
@ConfigurationProperties("payment")
public record PaymentProperties(
        @DefaultValue("10") BigDecimal platformFeePercent,
        @DefaultValue("1h") Duration clientSecretTtl,
        @DefaultValue Stripe stripe,
        @DefaultValue Connect connect,
        @DefaultValue Intents intents) {

    /**
     * PaymentIntents are created after the consumer's transaction commits, on virtual threads, at most
     * {@code maxInFlight} at a time: with Stripe answering in 300 ms, 256 in flight allow some 800 intents/s, and
     * the listener waits (Kafka keeps the rest) rather than queue without bound.
     *
     * @param maxInFlight       Stripe calls creating intents at the same time
     * @param submitWait        how long a consumer waits for a free slot before leaving the request to the sweep
     * @param firstAnswerWithin when the sweep sends a request again whose first attempt has not been booked (a crash,
     *                          a hang); longer than a normal answer, shorter than Stripe's read timeout plus retries
     * @param giveUpAfter       how long after the stock hold a provider that cannot be reached fails the payment
     *                          ({@code PROVIDER_UNAVAILABLE}; the order is then cancelled)
     * @param sweepInterval     how often the retry sweep looks for requests that are due again
     * @param sweepBatch        requests the sweep sends again per round
     */
    public record Intents(
            @DefaultValue("256") int maxInFlight,
            @DefaultValue("5s") Duration submitWait,
            @DefaultValue("15s") Duration firstAnswerWithin,
            @DefaultValue("2m") Duration giveUpAfter,
            @DefaultValue("1s") Duration sweepInterval,
            @DefaultValue("200") int sweepBatch) {
    }

    /**
     * @param secretKey         {@code STRIPE_SECRET_KEY}; blank selects the simulated gateway (no money moves)
     * @param webhookSecret     {@code STRIPE_WEBHOOK_SECRET} ({@code whsec_...}) that signs webhooks; a default
     *                          exists only in the local and test profiles
     * @param apiBase           {@code STRIPE_API_BASE}; the WireMock stand-in in tests
     * @param webhookTolerance  how old a signed webhook may be before it is refused as a replay
     * @param connectTimeout    connection timeout towards Stripe
     * @param readTimeout       read timeout towards Stripe
     * @param maxNetworkRetries the SDK's own retries of failed connections (with Stripe's idempotency keys)
     * @param unknownPaymentWindow how long after an event's {@code created} a webhook naming one of our payments that
     *                          is not recorded is answered 503 (Stripe delivers it again); later it is acknowledged
     *                          and ignored. The intent is booked when Stripe's answer to its creation arrives,
     *                          and a creation that cannot reach Stripe is retried until {@code intents.giveUpAfter}
     *                          (2 minutes) plus one last call of at most 3 x 25 s: under 4 minutes, so past 10
     *                          minutes the payment will not appear any more (its message went to the DLT, or the event belongs to another
     *                          environment sharing the Stripe account)
     */
    public record Stripe(
            String secretKey,
            String webhookSecret,
            @DefaultValue("https://api.stripe.com") String apiBase,
            @DefaultValue("300s") Duration webhookTolerance,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("2") int maxNetworkRetries,
            @DefaultValue("10m") Duration unknownPaymentWindow) {

        public boolean hasSecretKey() {
            return secretKey != null && !secretKey.isBlank();
        }

        public boolean hasWebhookSecret() {
            return webhookSecret != null && !webhookSecret.isBlank();
        }
    }

    /**
     * @param defaultCountry ISO country of new Express accounts when the request names none
     * @param refreshUrl     where Stripe sends a vendor whose onboarding link expired
     * @param returnUrl      where Stripe sends a vendor after onboarding
     */
    public record Connect(
            @DefaultValue("DE") String defaultCountry,
            @DefaultValue("http://localhost:5173/vendor/payments/onboarding/refresh") String refreshUrl,
            @DefaultValue("http://localhost:5173/vendor/payments/onboarding/done") String returnUrl) {
    }
}
