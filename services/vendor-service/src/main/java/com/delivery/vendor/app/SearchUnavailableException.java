package com.delivery.vendor.app;

import java.time.Duration;

/**
 * Elasticsearch cannot be reached, timed out or is overloaded right now: searches answer 503 with
 * {@code Retry-After}, index updates stay queued and are retried. The message is for the log, never for clients.
 */
public class SearchUnavailableException extends RuntimeException {

    /** About how long the sync worker needs to catch up once the index answers again (its longest back-off). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
