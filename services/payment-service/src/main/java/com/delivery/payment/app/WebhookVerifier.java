package com.delivery.payment.app;

/** Checks a webhook's signature against the raw body and turns it into a {@link ProviderEvent}. */
public interface WebhookVerifier {

    /**
     * @throws InvalidWebhookException when the signature is missing, wrong or too old, or the body is not an event
     * @throws IllegalStateException   when no webhook secret is configured
     */
    ProviderEvent verify(String payload, String signatureHeader);

    /** A webhook that must not be applied. */
    class InvalidWebhookException extends RuntimeException {
        public InvalidWebhookException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
