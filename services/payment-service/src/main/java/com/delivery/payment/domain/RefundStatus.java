package com.delivery.payment.domain;

/** A refund as the provider reports it when it accepts it. */
public enum RefundStatus {
    PENDING, SUCCEEDED;

    /** Stripe's {@code refund.status}: anything but {@code succeeded} is still on its way. */
    public static RefundStatus fromProvider(String status) {
        return "succeeded".equals(status) ? SUCCEEDED : PENDING;
    }
}
