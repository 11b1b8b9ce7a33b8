package com.delivery.order.domain;

/** The move does not exist from the order's current status (or its precondition is missing): a conflict. */
public final class IllegalTransitionException extends OrderRuleException {

    public IllegalTransitionException(String code, String message) {
        super(code, message);
    }

    public IllegalTransitionException(OrderStatus from, OrderStatus to) {
        this("illegal-transition", "An order cannot move from " + from + " to " + to);
    }
}
