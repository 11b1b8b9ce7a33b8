package com.delivery.driver.domain;

/** Input that is well-formed but makes no sense (e.g. the same document type twice); the API answers 400. */
public class InvalidDriverInputException extends RuntimeException {

    private final String field;

    public InvalidDriverInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
