package com.delivery.events;

import java.util.List;
import java.util.UUID;

/**
 * The vendor holds stock for every line of a new order (all lines or none). Only now does payment open the order's
 * PaymentIntent, and only with this hold (and the payment) does the order become {@code PLACED}. The held units stay
 * reserved until the order is confirmed (sold) or cancelled (released). Keyed by order.
 *
 * @param items the units held per tracked menu item; empty when none of the order's items has a stock count
 */
public record InventoryReserved(UUID orderId, UUID customerId, UUID vendorId, List<HeldItem> items)
        implements OrderEvent {

    public InventoryReserved {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        items = List.copyOf(Checks.required(items, "items"));
    }

    /** {@code quantity} units of {@code menuItemId} moved from available to reserved. */
    public record HeldItem(UUID menuItemId, int quantity) {

        public HeldItem {
            Checks.required(menuItemId, "menuItemId");
            Checks.positive(quantity, "quantity");
        }
    }
}
