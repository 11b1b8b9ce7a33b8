package com.delivery.events;

import java.util.List;
import java.util.UUID;

/**
 * The order is {@code CANCELLED}. Payment refunds what it captured, vendor releases the listed stock,
 * driver frees {@code driverId} if set.
 *
 * @param driverId       the driver assigned at the time, {@code null} if none
 * @param reason         machine-readable cause: {@code CUSTOMER_REQUEST}, {@code VENDOR_REJECTED},
 *                       {@code VENDOR_TIMEOUT},
 *                       {@code OUT_OF_STOCK}, {@code PAYMENT_FAILED}, {@code PAYMENT_TIMEOUT}, {@code ADMIN}, ...
 * @param cancelledBy    {@code CUSTOMER}, {@code VENDOR}, {@code ADMIN}, or {@code SYSTEM} for automatic cancels
 * @param previousStatus the status cancelled from: {@code PENDING_PAYMENT}, {@code PLACED} or {@code CONFIRMED}
 * @param items          what was reserved, to put back in stock
 * @param detail         what the customer reads about why, e.g. {@code "Tiramisu: 2 ordered, 1 left"};
 *                       {@code null} when the reason code says it all (added in version 2)
 */
public record OrderCancelled(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        String reason,
        String cancelledBy,
        String previousStatus,
        List<ItemQuantity> items,
        String detail) implements OrderEvent {

    /** Cancel reason codes the platform's producers write (status-like strings: consumers tolerate others). */
    public static final String CUSTOMER_REQUEST = "CUSTOMER_REQUEST";
    public static final String VENDOR_REJECTED = "VENDOR_REJECTED";
    public static final String VENDOR_TIMEOUT = "VENDOR_TIMEOUT";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    public static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";
    public static final String ADMIN = "ADMIN";

    /** A cancellation whose reason code says it all. */
    public OrderCancelled(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, String reason,
            String cancelledBy, String previousStatus, List<ItemQuantity> items) {
        this(orderId, customerId, vendorId, driverId, reason, cancelledBy, previousStatus, items, null);
    }

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
