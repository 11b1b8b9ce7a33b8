package com.delivery.events;

/**
 * An event type name or payload class that is not in {@link EventType}. Not retryable: a consumer should
 * send the record to the dead-letter topic (or skip it, if it deliberately ignores types it does not know).
 */
public class UnknownEventTypeException extends IllegalArgumentException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
