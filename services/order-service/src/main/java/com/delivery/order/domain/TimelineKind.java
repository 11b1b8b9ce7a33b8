package com.delivery.order.domain;

/** What a timeline entry records. */
public enum TimelineKind {
    /** the order was checked out (to = PENDING_PAYMENT) */
    CREATED,
    /** a move of the state machine (from, to) */
    STATUS_CHANGED,
    DRIVER_ASSIGNED,
    DRIVER_UNAVAILABLE,
    PAYMENT_REFUNDED,
    /** the vendor holds the order's stock ({@code inventory.reserved}); PLACED once it is paid too */
    STOCK_HELD,
    /** the payment went through ({@code payment.completed}); PLACED once the stock is held too */
    PAYMENT_RECEIVED,
    /** an event that arrived when it no longer applied (e.g. a payment for a cancelled order); kept, not applied */
    EVENT_NOT_APPLIED
}
