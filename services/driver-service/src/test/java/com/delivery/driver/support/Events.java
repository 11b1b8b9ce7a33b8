package com.delivery.driver.support;

import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.EventType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Envelopes with a chosen event id and time, as fixtures need them (a redelivery repeats the id). */
public final class Events {

    private Events() {
    }

    public static <P extends EventPayload> EventEnvelope<P> envelope(UUID eventId, Instant occurredAt, String producer,
            String correlationId, P payload) {
        EventType type = EventType.byPayload(payload.getClass());
        return new EventEnvelope<>(eventId, type.type(), type.version(), occurredAt.truncatedTo(ChronoUnit.MILLIS),
                producer, payload.aggregateId(), correlationId, payload);
    }
}
