package com.delivery.payment.domain;

/** A request a payment cannot honour in its current state. */
public class PaymentRuleViolation extends RuntimeException {

    /** Whether the request conflicts with the payment's state, or is well-formed but asks for too much. */
    public enum Kind {
        CONFLICT, UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;

    public PaymentRuleViolation(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
