package com.delivery.payment.domain;

/**
 * Where a payment stands.
 *
 * <pre>
 * AWAITING_STOCK -> REQUIRES_PAYMENT -> SUCCEEDED -> PARTIALLY_REFUNDED -> REFUNDED
 *    |    \               |  \            ^  \_____________________________^
 *    |     \              |   -> FAILED --+
 *    |      -> FAILED     v        |
 *    +-----------> CANCELLED <-----+      (a capture that still lands on a cancelled payment is refunded at once)
 * </pre>
 */
public enum PaymentStatus {
    /**
     * The payment is open ({@code order.created}) but has no intent yet: the vendor has not held the order's stock
     * ({@code inventory.reserved}), and nobody is asked to pay for stock that may not be there.
     */
    AWAITING_STOCK,
    /** The intent exists and waits for the customer to pay. */
    REQUIRES_PAYMENT,
    /** Money was captured. */
    SUCCEEDED,
    /** Part of the captured money went back. */
    PARTIALLY_REFUNDED,
    /** All captured money went back. */
    REFUNDED,
    /** The attempt failed (or its intent could not be created); the order is cancelled on {@code payment.failed}. */
    FAILED,
    /** The order was cancelled before the money was captured; the intent is cancelled (or never created). */
    CANCELLED;

    public boolean isCaptured() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
