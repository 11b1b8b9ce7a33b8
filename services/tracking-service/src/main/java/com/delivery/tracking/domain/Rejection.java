package com.delivery.tracking.domain;

/** Why a location report was refused (it is then neither stored, broadcast nor published). */
public enum Rejection {
    /** Missing or out-of-range latitude, longitude, heading, speed, accuracy or timestamp. */
    INVALID_LOCATION("invalid-location"),
    /** The device says its fix is worse than the configured accuracy limit. */
    POOR_ACCURACY("poor-accuracy"),
    TIMESTAMP_IN_FUTURE("timestamp-in-future"),
    TIMESTAMP_TOO_OLD("timestamp-too-old"),
    /** Not newer than the driver's current location. */
    OUT_OF_ORDER("out-of-order"),
    /** Farther from the previous fix than a vehicle could have travelled in the time between them. */
    IMPOSSIBLE_JUMP("impossible-jump"),
    /** Only drivers report locations. */
    NOT_A_DRIVER("not-a-driver"),
    /** The order named is not one the driver is assigned to. */
    NOT_ASSIGNED("not-assigned");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    /** Short machine-readable slug for problem types and socket errors. */
    public String code() {
        return code;
    }

    public boolean isPermission() {
        return this == NOT_A_DRIVER || this == NOT_ASSIGNED;
    }
}
