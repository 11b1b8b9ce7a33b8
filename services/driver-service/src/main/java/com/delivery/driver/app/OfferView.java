package com.delivery.driver.app;

import com.delivery.driver.domain.GeoPosition;
import java.time.Instant;
import java.util.UUID;

/** An open offer as the driver sees it: where from, where to, how far away, until when. */
public record OfferView(UUID orderId, UUID driverId, String vendorName, GeoPosition pickup, GeoPosition dropoff,
        int distanceMeters, Instant offeredAt, Instant expiresAt) {
}
