package com.delivery.driver.domain;

import java.time.Instant;
import java.util.UUID;

/** What a driver earned with one delivered order. */
public record Earning(UUID orderId, UUID eventId, UUID driverId, UUID customerId, UUID vendorId, Instant deliveredAt,
        int distanceMeters, long baseMinor, long distanceMinor, long tipMinor, String currency) {

    public long totalMinor() {
        return baseMinor + distanceMinor + tipMinor;
    }
}
