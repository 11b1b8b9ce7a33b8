package com.delivery.order.domain;

/** The actor is nothing to the order, or not the one who may make this move: forbidden. */
public final class NotAllowedException extends OrderRuleException {

    public NotAllowedException(String message) {
        super("forbidden", message);
    }
}
