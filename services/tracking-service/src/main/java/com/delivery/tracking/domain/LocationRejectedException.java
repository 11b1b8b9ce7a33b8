package com.delivery.tracking.domain;

/** A location report that breaks a rule; the message says which, for the driver app. */
public class LocationRejectedException extends RuntimeException {

    private final Rejection reason;

    public LocationRejectedException(Rejection reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Rejection reason() {
        return reason;
    }
}
