package com.delivery.events;

import java.util.UUID;

/** The driver has the order; tracking starts the trip towards {@code deliveryAddress} and its ETA. */
public record OrderPickedUp(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        Address deliveryAddress) implements OrderEvent {

    public OrderPickedUp {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.required(driverId, "driverId");
        Checks.required(deliveryAddress, "deliveryAddress");
    }
}
