package com.delivery.events;

import java.util.List;
import java.util.UUID;

/**
 * The vendor could not hold stock for a new order: nothing was reserved. The order service cancels the order
 * ({@code order.cancelled} with reason {@code OUT_OF_STOCK}); no PaymentIntent is ever opened for it. Keyed by order.
 *
 * @param reason    machine-readable cause; {@code OUT_OF_STOCK} today
 * @param shortages the lines that could not be held, at least one
 */
public record InventoryRejected(UUID orderId, UUID customerId, UUID vendorId, String reason, List<Shortage> shortages)
        implements OrderEvent {

    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

    public InventoryRejected {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.requiredText(reason, "reason");
        shortages = List.copyOf(Checks.nonEmpty(shortages, "shortages"));
    }

    /** {@code requested} units of {@code menuItemId} were ordered, only {@code available} were left. */
    public record Shortage(UUID menuItemId, int requested, int available) {

        public Shortage {
            Checks.required(menuItemId, "menuItemId");
            Checks.positive(requested, "requested");
            Checks.notNegative(available, "available");
        }
    }
}
