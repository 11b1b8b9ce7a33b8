package com.delivery.payment.app;

import java.time.Duration;
import java.util.UUID;

/**
 * A webhook names one of our payments that is not recorded yet, while it still may be: its intent was created by a
 * consumer whose transaction has not committed. Answered 503 with {@code Retry-After}; Stripe delivers it again.
 */
public class PaymentNotYetKnownException extends RuntimeException {

    private final Duration retryAfter;

    public PaymentNotYetKnownException(UUID paymentId, Duration retryAfter) {
        super("Payment " + paymentId + " is not recorded yet; deliver the event again later");
        this.retryAfter = retryAfter;
    }

    /** When asking again is worth it. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
