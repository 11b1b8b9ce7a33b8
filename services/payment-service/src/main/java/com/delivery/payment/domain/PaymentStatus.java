package com.delivery.payment.domain;

/**
 * Where a payment stands.
 *
 * <pre>
 * REQUIRES_PAYMENT -> SUCCEEDED -> PARTIALLY_REFUNDED -> REFUNDED
 *        |  \            ^  \_____________________________^
 *        |   -> FAILED --+
 *        v        |
 *    CANCELLED <--+      (a capture that still lands on a cancelled payment is refunded at once)
 * </pre>
 */
public enum PaymentStatus {
    /** The intent exists and waits for the customer to pay. */
    REQUIRES_PAYMENT,
    /** Money was captured. */
    SUCCEEDED,
    /** Part of the captured money went back. */
    PARTIALLY_REFUNDED,
    /** All captured money went back. */
    REFUNDED,
    /** The attempt failed; the order is cancelled on {@code payment.failed}. */
    FAILED,
    /** The order was cancelled before the money was captured; the intent is cancelled (or never created). */
    CANCELLED;

    public boolean isCaptured() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
