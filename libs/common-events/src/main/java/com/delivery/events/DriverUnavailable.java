package com.delivery.events;

import java.util.UUID;

/**
 * The order has no driver: none accepted in time, or the assigned one dropped out. Matching may go on;
 * order decides whether to keep waiting or cancel.
 *
 * @param reason   {@code NO_DRIVER_AVAILABLE}, {@code ALL_OFFERS_DECLINED}, {@code DRIVER_WITHDREW}, ...
 * @param driverId the driver who dropped out, {@code null} when no driver had been assigned
 */
public record DriverUnavailable(
        UUID orderId,
        String reason,
        UUID customerId,
        UUID vendorId,
        UUID driverId) implements OrderEvent {

    public DriverUnavailable {
        Checks.required(orderId, "orderId");
        Checks.requiredText(reason, "reason");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
    }
}
