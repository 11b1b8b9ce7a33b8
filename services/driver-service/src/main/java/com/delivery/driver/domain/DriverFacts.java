package com.delivery.driver.domain;

import java.util.UUID;

/**
 * What matching and the nearby search need to know about a driver besides their position, read in one go.
 *
 * @param averageRating average stars, {@code null} while unrated
 * @param deliveries    orders delivered
 * @param busy          on an active order
 * @param offerPending  holding an offer they have not answered yet
 */
public record DriverFacts(UUID id, String fullName, VehicleType vehicleType, DriverStatus status, boolean online,
        Double averageRating, long ratingCount, long deliveries, boolean busy, boolean offerPending) {

    /** Approved, online, not on an order and not holding an offer: someone matching may ask. */
    public boolean available() {
        return status == DriverStatus.APPROVED && online && !busy && !offerPending;
    }
}
