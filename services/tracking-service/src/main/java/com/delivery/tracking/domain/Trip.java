package com.delivery.tracking.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery as tracking knows it: who drives it, for whom, from which vendor, to where. Built from events only,
 * each of which sets its own fields, so the state does not depend on the order the events arrive in.
 *
 * @param driverId    the assigned driver, {@code null} before assignment or after the driver dropped out
 * @param vehicleType {@code BICYCLE}, {@code SCOOTER}, {@code MOTORBIKE}, {@code CAR}, {@code VAN}; may be {@code null}
 * @param destination the delivery address' position, known from pickup on
 * @param endReason   {@code DELIVERED} or {@code CANCELLED} once ended
 */
public record Trip(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        String driverName,
        String vehicleType,
        Position destination,
        Instant assignedAt,
        Instant pickedUpAt,
        Instant endedAt,
        String endReason) {

    public TripStatus status() {
        if (endedAt != null) {
            return TripStatus.ENDED;
        }
        return pickedUpAt != null ? TripStatus.IN_PROGRESS : TripStatus.ASSIGNED;
    }

    public boolean isActive() {
        return status() != TripStatus.ENDED;
    }

    public boolean isDrivenBy(UUID driver) {
        return driver != null && driver.equals(driverId);
    }

    /** The customer or the driver of this trip (the vendor's owner is known through {@code VendorOwners}). */
    public boolean involves(UUID userId) {
        return userId != null && (userId.equals(customerId) || userId.equals(driverId));
    }
}
