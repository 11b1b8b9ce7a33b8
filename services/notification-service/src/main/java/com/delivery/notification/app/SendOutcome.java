package com.delivery.notification.app;

import java.time.Duration;

/** What a sender port reports for one message to one destination. */
public sealed interface SendOutcome {

    /** {@code fcm}, {@code twilio}, {@code sendgrid} or {@code local-sink} */
    String provider();

    record Sent(String provider, String providerMessageId) implements SendOutcome {
    }

    /** Worth trying again later: 5xx, 429, timeouts. {@code retryAfter} is the provider's wish, if it said one. */
    record TransientFailure(String provider, Integer httpStatus, String error, Duration retryAfter)
            implements SendOutcome {
    }

    /** Trying again would fail the same way. */
    record PermanentFailure(String provider, Integer httpStatus, String error) implements SendOutcome {
    }

    /** The push token is dead; it must be removed. */
    record InvalidToken(String provider, Integer httpStatus, String error) implements SendOutcome {
    }
}
