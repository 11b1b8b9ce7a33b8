package com.delivery.kit.resilience;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Lets a warning that would repeat on every request through at most once per interval, and counts the occurrences
 * it held back meanwhile, so an outage is one log line every few seconds saying how many calls it affected.
 * Thread-safe; times are epoch milliseconds.
 */
public final class WarningThrottle {

    private final long intervalMillis;
    private long lastLoggedAt = Long.MIN_VALUE;
    private long heldBack;

    public WarningThrottle(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /**
     * Records one occurrence. Returns the number of occurrences the line to log now stands for (this one and those
     * held back since the last line), or empty when this one is to be held back.
     */
    public synchronized OptionalLong occurred(long now) {
        heldBack++;
        if (lastLoggedAt != Long.MIN_VALUE && now - lastLoggedAt < intervalMillis) {
            return OptionalLong.empty();
        }
        long occurrences = heldBack;
        heldBack = 0;
        lastLoggedAt = now;
        return OptionalLong.of(occurrences);
    }

    /** A line about it was just logged elsewhere (e.g. "it started"): the next one comes a whole interval later. */
    public synchronized void loggedAt(long now) {
        heldBack = 0;
        lastLoggedAt = now;
    }
}
