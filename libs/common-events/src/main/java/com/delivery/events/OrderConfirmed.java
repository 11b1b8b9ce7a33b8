package com.delivery.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The vendor accepted the order. Driver matching starts here, so it carries pickup and drop-off.
 *
 * @param driverId         the assigned driver, normally {@code null} here as matching has not started
 * @param estimatedReadyAt when the vendor expects the order to be ready for pickup
 */
public record OrderConfirmed(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        String vendorName,
        GeoPoint vendorLocation,
        Address deliveryAddress,
        Instant estimatedReadyAt) implements OrderEvent {

    public OrderConfirmed {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.requiredText(vendorName, "vendorName");
        Checks.required(vendorLocation, "vendorLocation");
        Checks.required(deliveryAddress, "deliveryAddress");
        Checks.required(estimatedReadyAt, "estimatedReadyAt");
    }
}
