package com.delivery.driver.domain;

/**
 * A request the driver rules refuse in the current state (e.g. going online unapproved, an illegal status
 * change). Carries a short machine-readable code; the API answers 409 with it.
 */
public class DriverRuleException extends RuntimeException {

    private final String code;

    public DriverRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
