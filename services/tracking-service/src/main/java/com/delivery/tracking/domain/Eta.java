package com.delivery.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Time and road distance from where the driver was to the trip's destination.
 *
 * @param computedAt when it was computed; between computations it is counted down ({@link #asOf})
 */
public record Eta(UUID orderId, long etaSeconds, long distanceMeters, EtaSource source, Instant computedAt) {

    public Eta {
        if (etaSeconds < 0 || distanceMeters < 0) {
            throw new IllegalArgumentException("an ETA is never negative");
        }
    }

    /** The same estimate, counted down by the time passed since it was computed (never below zero). */
    public Eta asOf(Instant now) {
        long elapsed = Math.max(0, Duration.between(computedAt, now).toSeconds());
        return new Eta(orderId, Math.max(0, etaSeconds - elapsed), distanceMeters, source, computedAt);
    }

    public boolean olderThan(Duration age, Instant now) {
        return computedAt.plus(age).isBefore(now) || computedAt.plus(age).equals(now);
    }
}
