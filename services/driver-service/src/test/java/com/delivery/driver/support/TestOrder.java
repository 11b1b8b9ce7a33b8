package com.delivery.driver.support;

import com.delivery.driver.domain.GeoPosition;
import java.util.UUID;

/** An order as the order service would describe it to the driver service. */
public record TestOrder(UUID orderId, UUID customerId, UUID vendorId, String vendorName, GeoPosition pickup,
        GeoPosition dropoff, String correlationId) {
}
