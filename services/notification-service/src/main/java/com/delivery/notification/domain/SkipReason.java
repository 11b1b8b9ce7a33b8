package com.delivery.notification.domain;

/** Why a routed message was recorded without being sent. */
public enum SkipReason {
    /** the event names a user the contact directory has not heard of (yet) */
    UNKNOWN_RECIPIENT,
    /** the event names a vendor without a vendor.registered mapping to its owner */
    UNKNOWN_VENDOR,
    /** the recipient switched this category off for this channel (normal messages only) */
    OPTED_OUT,
    NO_DEVICE,
    NO_PHONE,
    NO_EMAIL
}
