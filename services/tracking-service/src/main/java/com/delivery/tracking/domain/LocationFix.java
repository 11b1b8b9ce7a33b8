package com.delivery.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One accepted position report of a driver.
 *
 * @param orderId    the trip it belongs to, {@code null} when the driver is not on a trip
 * @param heading    degrees clockwise from north, {@code null} if the device did not report it
 * @param speed      metres per second, {@code null} if the device did not report it
 * @param accuracy   horizontal accuracy radius in metres, {@code null} if the device did not report it
 * @param recordedAt when the device took the fix
 * @param receivedAt when the service received it
 */
public record LocationFix(
        UUID driverId,
        UUID orderId,
        Position position,
        Double heading,
        Double speed,
        Double accuracy,
        Instant recordedAt,
        Instant receivedAt) {

    public LocationFix {
        if (driverId == null || position == null || recordedAt == null || receivedAt == null) {
            throw new IllegalArgumentException("driverId, position, recordedAt and receivedAt are required");
        }
    }

    public double lat() {
        return position.lat();
    }

    public double lng() {
        return position.lng();
    }

    /** Older than {@code staleAfter} at {@code now}: shown, but flagged as stale. */
    public boolean isStale(Instant now, Duration staleAfter) {
        return recordedAt.plus(staleAfter).isBefore(now);
    }

    public LocationFix forOrder(UUID order) {
        return new LocationFix(driverId, order, position, heading, speed, accuracy, recordedAt, receivedAt);
    }
}
