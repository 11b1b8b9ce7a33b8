package com.delivery.events;

/**
 * The payload of one event type: a record listed in {@link EventType}.
 *
 * <p>{@link #aggregateId()} becomes the envelope's {@code aggregateId} and the Kafka key, so all events of
 * one aggregate land on the same partition of a topic and stay ordered there. It is derived from the
 * payload's own fields and is not written into the payload JSON.
 */
public interface EventPayload {

    String aggregateId();
}
