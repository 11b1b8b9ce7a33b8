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
    /** an event that arrived when it no longer applied (e.g. a payment for a cancelled order); kept, not applied */
    EVENT_NOT_APPLIED
}
