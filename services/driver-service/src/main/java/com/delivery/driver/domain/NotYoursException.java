package com.delivery.driver.domain;

/** The caller asks for something that belongs to someone else (someone else's offer or order); the API answers 403. */
public class NotYoursException extends RuntimeException {

    public NotYoursException(String message) {
        super(message);
    }
}
