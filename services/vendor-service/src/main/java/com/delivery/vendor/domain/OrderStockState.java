package com.delivery.vendor.domain;

/**
 * Where one order's stock stands. Events of one order may arrive in any order across topics, so a cancel or a
 * confirmation seen before the order itself is remembered ({@code CANCELLED}, {@code CONFIRM_SEEN}).
 */
public enum OrderStockState {
    /** Units held for the order. */
    RESERVED,
    /** Not enough stock when the order arrived: nothing held, {@code inventory.rejected} sent. */
    REJECTED,
    /** The order was confirmed: its units are sold. */
    COMMITTED,
    /** Cancelled after its units were held: they went back to stock. */
    RELEASED,
    /** Cancelled before (or instead of) holding anything; a late order.created holds nothing. */
    CANCELLED,
    /** Confirmed before order.created arrived: hold and commit at once when it does. */
    CONFIRM_SEEN
}
