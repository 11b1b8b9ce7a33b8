package com.delivery.order.domain;

/** A request the order's rules refuse. The use cases turn these into problem responses. */
public abstract sealed class OrderRuleException extends RuntimeException
        permits IllegalTransitionException, NotAllowedException {

    private final String code;

    protected OrderRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Short machine-readable slug, e.g. {@code illegal-transition}. */
    public String code() {
        return code;
    }
}
