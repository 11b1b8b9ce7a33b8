package com.delivery.events;

import java.util.List;
import java.util.UUID;

/**
 * The order is {@code CANCELLED}. Payment refunds what it captured, vendor releases the listed stock,
 * driver frees {@code driverId} if set.
 *
 * @param driverId       the driver assigned at the time, {@code null} if none
 * @param reason         machine-readable cause: {@code CUSTOMER_REQUEST}, {@code VENDOR_REJECTED},
 *                       {@code PAYMENT_FAILED}, {@code NO_DRIVER_AVAILABLE}, {@code ADMIN}, ...
 * @param cancelledBy    {@code CUSTOMER}, {@code VENDOR}, {@code ADMIN}, or {@code SYSTEM} for automatic cancels
 * @param previousStatus the status cancelled from: {@code PENDING_PAYMENT}, {@code PLACED} or {@code CONFIRMED}
 * @param items          what was reserved, to put back in stock
 */
public record OrderCancelled(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        String reason,
        String cancelledBy,
        String previousStatus,
        List<ItemQuantity> items) implements OrderEvent {

    public OrderCancelled {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.requiredText(reason, "reason");
        Checks.requiredText(cancelledBy, "cancelledBy");
        Checks.requiredText(previousStatus, "previousStatus");
        items = List.copyOf(Checks.required(items, "items"));
    }

    public record ItemQuantity(UUID menuItemId, int quantity) {

        public ItemQuantity {
            Checks.required(menuItemId, "menuItemId");
            Checks.positive(quantity, "quantity");
        }
    }
}
