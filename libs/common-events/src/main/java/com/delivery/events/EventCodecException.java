package com.delivery.events;

/**
 * An event that cannot be encoded or decoded: malformed JSON, a missing or mismatching {@code type}, or a
 * payload that does not fit its record (missing required field, wrong type, invalid value). Not retryable:
 * the same bytes will fail the same way, so a consumer sends the record to {@code <topic>.DLT}.
 */
public class EventCodecException extends RuntimeException {

    public EventCodecException(String message) {
        super(message);
    }

    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
