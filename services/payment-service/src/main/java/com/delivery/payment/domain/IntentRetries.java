package com.delivery.payment.domain;

import java.time.Duration;

/**
 * How long to wait before asking the provider again for an intent it could not create: 1 s after the first failed
 * attempt, doubling up to 15 s. Every attempt carries the payment's idempotency key, so a retry of a request the
 * provider did carry out returns the same intent instead of a second one.
 */
public final class IntentRetries {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(15);

    private IntentRetries() {
    }

    /** The wait after {@code failedAttempts} attempts (1 or more) that could not reach the provider. */
    public static Duration delayAfter(int failedAttempts) {
        if (failedAttempts <= 1) {
            return FIRST;
        }
        int doublings = Math.min(failedAttempts - 1, 10);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
