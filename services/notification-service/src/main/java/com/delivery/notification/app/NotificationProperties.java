package com.delivery.notification.app;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification service under {@code notification.*}.
 *
 * <p>A channel whose credentials are missing uses the local sink: the rendered message is logged and recorded as
 * delivered to {@code local-sink}. That is the local default, so the whole fleet runs without any account.
 *
 * @param push     Firebase Cloud Messaging (HTTP v1 through the Admin SDK)
 * @param sms      Twilio
 * @param email    SendGrid
 * @param dispatch how messages are sent and retried
 * @param timeZone zone for clock times in messages ("ready at 18:58"), as the platform serves one city region
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
        @DefaultValue Push push,
        @DefaultValue Sms sms,
        @DefaultValue Email email,
        @DefaultValue Dispatch dispatch,
        @DefaultValue("Europe/Berlin") ZoneId timeZone) {

    /**
     * @param projectId   FIREBASE_PROJECT_ID
     * @param clientEmail FIREBASE_CLIENT_EMAIL of the service account
     * @param privateKey  FIREBASE_PRIVATE_KEY, PEM (PKCS#8); literal {@code \n} sequences are accepted
     * @param baseUrl     sends every Google call (OAuth token and FCM) to this base instead, e.g. a test stand-in
     */
    public record Push(String projectId, String clientEmail, String privateKey, String baseUrl,
            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

        public boolean configured() {
            return present(projectId) && present(clientEmail) && present(privateKey);
        }
    }

    /**
     * @param accountSid TWILIO_ACCOUNT_SID
     * @param authToken  TWILIO_AUTH_TOKEN
     * @param fromNumber TWILIO_PHONE_NUMBER, E.164
     * @param baseUrl    sends Twilio calls to this base instead of {@code https://api.twilio.com}
     */
    public record Sms(String accountSid, String authToken, String fromNumber, String baseUrl,
            @DefaultValue("10s") Duration readTimeout) {

        public boolean configured() {
            return present(accountSid) && present(authToken) && present(fromNumber);
        }
    }

    /**
     * @param apiKey    SENDGRID_API_KEY
     * @param fromEmail SENDGRID_FROM_EMAIL
     * @param fromName  display name of the sender
     * @param baseUrl   sends SendGrid calls to this base instead of {@code https://api.sendgrid.com}
     */
    public record Email(String apiKey, String fromEmail, @DefaultValue("Delivery") String fromName, String baseUrl,
            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

        public boolean configured() {
            return present(apiKey) && present(fromEmail);
        }
    }

    /**
     * @param enabled        whether this instance sends at all (the message log is the queue either way)
     * @param pollInterval   how often the dispatcher looks for due messages when nothing woke it
     * @param batchSize      messages claimed at once; they are sent concurrently
     * @param lease          how long a claimed message is held before another dispatcher may take it over
     * @param maxAttempts    provider calls per message before it fails for good
     * @param initialBackoff wait before the first retry; doubled (times {@code multiplier}) for each further one
     * @param maxBackoff     longest wait between two attempts, unless the provider asks for longer
     * @param maxRetryAfter  longest Retry-After honoured; a provider asking for more gets this
     */
    public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize, @DefaultValue("2m") Duration lease,
            @DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier, @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("1h") Duration maxRetryAfter) {

        /** Wait before attempt {@code attemptsSoFar + 1}. */
        public Duration backoffAfter(int attemptsSoFar) {
            double factor = Math.pow(multiplier, Math.max(0, attemptsSoFar - 1));
            long millis = (long) Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
            return Duration.ofMillis(millis);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
