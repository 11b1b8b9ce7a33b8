package com.delivery.vendor.domain;

import java.util.UUID;

/**
 * Stock of one tracked item: {@code available} can still be ordered, {@code reserved} is held for orders that are
 * not confirmed yet, {@code sold} left with confirmed orders (and goes back to available if such an order is
 * cancelled). Order events only move units between the three, so their sum changes only when the owner sets or
 * restocks the count. An item without a stock level is not tracked (made to order) and never runs out.
 */
public record StockLevel(UUID menuItemId, UUID vendorId, int available, int reserved, int sold,
        int lowStockThreshold) {

    public boolean inStock() {
        return available > 0;
    }
}
