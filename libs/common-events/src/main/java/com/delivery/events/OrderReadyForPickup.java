package com.delivery.events;

import java.util.UUID;

/**
 * The vendor has the order packed.
 *
 * @param driverId the assigned driver, {@code null} if matching has not found one yet
 */
public record OrderReadyForPickup(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        String vendorName,
        GeoPoint vendorLocation) implements OrderEvent {

    public OrderReadyForPickup {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.requiredText(vendorName, "vendorName");
        Checks.required(vendorLocation, "vendorLocation");
    }
}
