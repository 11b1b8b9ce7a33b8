package com.delivery.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A driver's position, throttled by tracking, for driver's GEO index. Keyed by driver.
 *
 * @param orderId    the order being delivered, {@code null} when the driver is idle
 * @param heading    degrees clockwise from north, {@code null} if the device did not report it
 * @param speed      metres per second, {@code null} if the device did not report it
 * @param recordedAt when the device took the fix (not when tracking received it)
 */
public record DriverLocationUpdated(
        UUID driverId,
        UUID orderId,
        double lat,
        double lng,
        Double heading,
        Double speed,
        Instant recordedAt) implements EventPayload {

    public DriverLocationUpdated {
        Checks.required(driverId, "driverId");
        Checks.coordinates(lat, lng);
        Checks.required(recordedAt, "recordedAt");
    }

    @Override
    public String aggregateId() {
        return driverId.toString();
    }
}
