package com.delivery.payment.domain;

/** Where the vendor's share of a delivered order stands. */
public enum PayoutStatus {
    /** The vendor had no usable connected account when the order was charged: the platform holds the share. */
    PENDING_ACCOUNT,
    /** Charged to the vendor's account, but the provider has not reported the transfer yet. */
    AWAITING_TRANSFER,
    /** The payment was not captured (or was refunded) at delivery: nothing to release. */
    ON_HOLD,
    /** The share reached the vendor's connected account; {@code payout.paid} was published. */
    PAID
}
