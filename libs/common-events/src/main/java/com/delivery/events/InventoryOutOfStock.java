package com.delivery.events;

import java.util.UUID;

/**
 * A menu item can no longer be ordered: its stock reached zero. Keyed by menu item.
 *
 * @param quantityLeft always {@code 0} today; kept so both inventory events read the same
 * @param threshold    the vendor's low-stock threshold for this item
 */
public record InventoryOutOfStock(UUID vendorId, UUID menuItemId, String itemName, int quantityLeft, int threshold)
        implements EventPayload {

    public InventoryOutOfStock {
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
