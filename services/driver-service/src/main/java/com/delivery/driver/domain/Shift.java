package com.delivery.driver.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One online period of a driver, from going online to going offline (or falling silent).
 *
 * <p>Its id is derived from driver and start, so recording the same shift twice (a retry) stores it once.
 */
public record Shift(UUID driverId, Instant startedAt, Instant endedAt) {

    public Shift {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            endedAt = startedAt;
        }
    }

    public String id() {
        return driverId + ":" + startedAt.toEpochMilli();
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** The part of this shift inside {@code [from, to)}; zero when they do not overlap. */
    public Duration overlap(Instant from, Instant to) {
        Instant start = startedAt.isAfter(from) ? startedAt : from;
        Instant end = endedAt.isBefore(to) ? endedAt : to;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }
}
