package com.delivery.tracking.domain;

/** Where a delivery trip stands, as the order and driver events tell it. */
public enum TripStatus {
    /** A driver has the order and heads for the vendor; no destination yet. */
    ASSIGNED,
    /** Picked up: the driver heads for the delivery address; ETAs are computed. */
    IN_PROGRESS,
    /** Delivered or cancelled: nothing is broadcast for it any more. */
    ENDED
}
