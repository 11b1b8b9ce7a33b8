package com.delivery.vendor.domain;

/** Input that breaks a domain rule (an invalid polygon, overlapping hours...); the API answers 400 with the reason. */
public class InvalidInputException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidInputException(String code, String field, String detail) {
        super(detail);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
