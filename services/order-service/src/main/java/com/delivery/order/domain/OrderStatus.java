package com.delivery.order.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an order is in its life; the moves between them are in {@link OrderTransitions}. */
public enum OrderStatus {
    PENDING_PAYMENT, PLACED, CONFIRMED, PREPARING, READY_FOR_PICKUP, PICKED_UP, DELIVERED, CANCELLED;

    public static final Set<OrderStatus> ACTIVE = EnumSet.of(PENDING_PAYMENT, PLACED, CONFIRMED, PREPARING,
            READY_FOR_PICKUP, PICKED_UP);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
