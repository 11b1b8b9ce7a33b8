package com.delivery.events;

import java.util.UUID;

/**
 * A driver accepted the offer for an order.
 *
 * @param vehicleType {@code BICYCLE}, {@code SCOOTER}, {@code MOTORBIKE}, {@code CAR} or {@code VAN}
 */
public record DriverAssigned(
        UUID orderId,
        UUID driverId,
        String driverName,
        String vehicleType,
        UUID customerId,
        UUID vendorId) implements OrderEvent {

    public DriverAssigned {
        Checks.required(orderId, "orderId");
        Checks.required(driverId, "driverId");
        Checks.requiredText(driverName, "driverName");
        Checks.requiredText(vehicleType, "vehicleType");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
    }
}
