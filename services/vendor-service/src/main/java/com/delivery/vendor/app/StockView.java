package com.delivery.vendor.app;

import com.delivery.vendor.domain.StockLevel;
import java.util.UUID;

/**
 * Stock of one item as its owner sees it: {@code available} to order, {@code reserved} for orders not confirmed yet,
 * {@code sold} with confirmed orders; all {@code null} when the item is not tracked.
 */
public record StockView(UUID menuItemId, boolean tracked, Integer available, Integer reserved, Integer sold,
        Integer lowStockThreshold) {

    public static StockView of(UUID menuItemId, StockLevel level) {
        return level == null ? new StockView(menuItemId, false, null, null, null, null)
                : new StockView(menuItemId, true, level.available(), level.reserved(), level.sold(),
                        level.lowStockThreshold());
    }
}
