package com.delivery.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What goes on the wire for every event: metadata plus one typed payload.
 *
 * @param eventId       unique per event; consumers dedupe on it ({@code processed_events})
 * @param type          the event type and topic, e.g. {@code order.created}; must match the payload class
 * @param version       schema version of the payload as written by the producer
 * @param occurredAt    when the state change happened, UTC, millisecond precision when built by {@link #of}
 * @param producer      the producing service: {@code user}, {@code order}, {@code vendor}, {@code driver},
 *                      {@code payment}, {@code tracking} or {@code notification}
 * @param aggregateId   the Kafka key; always {@code payload.aggregateId()}
 * @param correlationId ties together the events (and logs) of one business flow, e.g. one checkout;
 *                      a consumer copies it from the event it reacts to
 * @param payload       the typed payload record
 */
@JsonPropertyOrder({"eventId", "type", "version", "occurredAt", "producer", "aggregateId", "correlationId", "payload"})
public record EventEnvelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String producer,
        String aggregateId,
        String correlationId,
        P payload) {

    public EventEnvelope {
        Checks.required(eventId, "eventId");
        Checks.required(occurredAt, "occurredAt");
        Checks.requiredText(producer, "producer");
        Checks.requiredText(correlationId, "correlationId");
        Checks.required(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        String expectedType = EventType.byPayload(payload.getClass()).type();
        if (!expectedType.equals(type)) {
            throw new IllegalArgumentException(
                    "type '" + type + "' does not match payload " + payload.getClass().getSimpleName()
                            + " (expected '" + expectedType + "')");
        }
        if (!Objects.equals(aggregateId, payload.aggregateId())) {
            throw new IllegalArgumentException(
                    "aggregateId '" + aggregateId + "' does not match payload aggregate '" + payload.aggregateId() + "'");
        }
    }

    /**
     * A new event now: random id, type and current version from the catalog, key from the payload.
     *
     * @param correlationId the flow this event belongs to; {@code null} starts a new flow named after this event
     */
    public static <P extends EventPayload> EventEnvelope<P> of(P payload, String producer, String correlationId) {
        return of(payload, producer, correlationId, Instant.now());
    }

    /** As {@link #of(EventPayload, String, String)}, at a given time (e.g. from the service's {@code Clock}). */
    public static <P extends EventPayload> EventEnvelope<P> of(
            P payload, String producer, String correlationId, Instant occurredAt) {
        Checks.required(payload, "payload");
        EventType eventType = EventType.byPayload(payload.getClass());
        UUID eventId = UUID.randomUUID();
        return new EventEnvelope<>(
                eventId,
                eventType.type(),
                eventType.version(),
                Checks.required(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS),
                producer,
                payload.aggregateId(),
                correlationId == null || correlationId.isBlank() ? eventId.toString() : correlationId,
                payload);
    }
}
