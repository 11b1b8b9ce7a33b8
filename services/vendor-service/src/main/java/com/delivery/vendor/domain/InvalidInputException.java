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

    /**
     * A name as stored: trimmed, and refused when that leaves it blank. {@code @NotBlank} checks the name as sent,
     * and trimming takes control characters too, so "\u0001\u2003" passes it and is blank once stored; the events
     * that carry names (the catalog snapshot, orders) refuse blank ones, so this must be a 400 here rather than a
     * failure when the change commits.
     */
    public static String requireName(String value, String field) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isBlank()) {
            throw new InvalidInputException("blank-name", field, field + " must not be blank");
        }
        return trimmed;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
