package com.delivery.events;

import java.util.UUID;

/**
 * A menu item's stock fell to or below its threshold. Keyed by menu item.
 *
 * @param quantityLeft units still available to order
 * @param threshold    the vendor's low-stock threshold for this item
 */
public record InventoryLowStock(UUID vendorId, UUID menuItemId, String itemName, int quantityLeft, int threshold)
        implements EventPayload {

    public InventoryLowStock {
        Checks.required(vendorId, "vendorId");
        Checks.required(menuItemId, "menuItemId");
        Checks.requiredText(itemName, "itemName");
        Checks.notNegative(quantityLeft, "quantityLeft");
        Checks.notNegative(threshold, "threshold");
    }

    @Override
    public String aggregateId() {
        return menuItemId.toString();
    }
}
