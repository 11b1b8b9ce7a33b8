package com.delivery.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Matching offers an order to one driver, who must accept before {@code expiresAt}; notification pushes it
 * to the driver with enough to decide (where from, where to).
 */
public record DriverOffer(
        UUID orderId,
        UUID driverId,
        Instant expiresAt,
        String vendorName,
        GeoPoint pickup,
        GeoPoint dropoff) implements OrderEvent {

    public DriverOffer {
        Checks.required(orderId, "orderId");
        Checks.required(driverId, "driverId");
        Checks.required(expiresAt, "expiresAt");
        Checks.requiredText(vendorName, "vendorName");
        Checks.required(pickup, "pickup");
        Checks.required(dropoff, "dropoff");
    }
}
