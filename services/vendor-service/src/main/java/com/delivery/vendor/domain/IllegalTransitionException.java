package com.delivery.vendor.domain;

/** A status change the workflow does not allow from the current status. */
public class IllegalTransitionException extends RuntimeException {

    private final VendorStatus from;
    private final VendorStatus to;

    public IllegalTransitionException(VendorStatus from, VendorStatus to) {
        super("A vendor cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public VendorStatus from() {
        return from;
    }

    public VendorStatus to() {
        return to;
    }
}
