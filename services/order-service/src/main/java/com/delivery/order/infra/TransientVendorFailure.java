package com.delivery.order.infra;

/**
 * The vendor service did not answer usefully: unreachable, too slow, overloaded or broken. Counts against the
 * circuit breaker; retried only when {@link #retryable()} (a repeat can help and the quote has no side effects).
 */
public class TransientVendorFailure extends RuntimeException {

    private final boolean retryable;

    TransientVendorFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
