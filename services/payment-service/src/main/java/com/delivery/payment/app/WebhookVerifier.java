package com.delivery.payment.app;

/** Checks a webhook's signature against the raw body and turns it into a {@link ProviderEvent}. */
public interface WebhookVerifier {

    /**
     * @throws InvalidWebhookException   when the signature is missing, wrong or too old (nothing in the body is read)
     * @throws MalformedWebhookException when the signature holds but the body is not an event the service can read
     * @throws IllegalStateException     when no webhook secret is configured
     */
    ProviderEvent verify(String payload, String signatureHeader);

    /** A webhook that must not be applied: it may not come from the provider at all. */
    class InvalidWebhookException extends RuntimeException {
        public InvalidWebhookException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A correctly signed webhook whose body is not a readable event: no JSON, no id, type or creation time, or an
     * object missing or of the wrong shape for its type. The message says what, in the service's own words.
     */
    class MalformedWebhookException extends RuntimeException {
        public MalformedWebhookException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
