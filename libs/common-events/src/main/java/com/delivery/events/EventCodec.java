package com.delivery.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for events, the same for every service, whatever its own web {@code JsonMapper} is configured to do.
 *
 * <p>Forward compatible on read: unknown fields (top level or in the payload) are ignored, and a payload
 * written with a newer {@code version} than this library knows decodes as long as its fields still fit the
 * record. Strict where it matters: a missing required field or a {@code null} for a number fails.
 * Every failure is an {@link EventCodecException} (or {@link UnknownEventTypeException}); neither is worth
 * retrying.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // record component order, so the JSON reads like the record and the docs
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private EventCodec() {
    }

    /** The mapper behind this codec (immutable, thread-safe); for tests and tools, not for re-configuring. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(Checks.required(envelope, "envelope"));
        } catch (JacksonException e) {
            throw new EventCodecException("Cannot encode " + envelope.type() + " event " + envelope.eventId(), e);
        }
    }

    /**
     * Decodes any catalogued event, choosing the payload record from {@code type}.
     *
     * @throws UnknownEventTypeException if {@code type} is not in {@link EventType}
     * @throws EventCodecException       if the JSON is malformed or does not fit the envelope or payload
     */
    @SuppressWarnings("unchecked")
    public static EventEnvelope<EventPayload> decode(String json) {
        JsonNode tree = parse(json);
        EventType eventType = EventType.byType(typeOf(tree));
        return (EventEnvelope<EventPayload>) bind(tree, eventType);
    }

    /**
     * Decodes an event that must be of the type carried by {@code payloadType}, as a consumer of one topic does.
     *
     * @throws EventCodecException if the JSON is malformed, of another type, or does not fit
     */
    @SuppressWarnings("unchecked")
    public static <P extends EventPayload> EventEnvelope<P> decode(String json, Class<P> payloadType) {
        EventType expected = EventType.byPayload(payloadType);
        JsonNode tree = parse(json);
        String type = typeOf(tree);
        if (!expected.type().equals(type)) {
            throw new EventCodecException(
                    "Expected an event of type '" + expected.type() + "' but got '" + type + "'");
        }
        return (EventEnvelope<P>) bind(tree, expected);
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            throw new EventCodecException("Cannot decode a null event");
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new EventCodecException("An event must be a JSON object");
            }
            return tree;
        } catch (JacksonException e) {
            throw new EventCodecException("Malformed event JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String typeOf(JsonNode tree) {
        JsonNode type = tree.get("type");
        if (type == null || !type.isString()) {
            throw new EventCodecException("Event has no 'type' field");
        }
        return type.asString();
    }

    private static EventEnvelope<?> bind(JsonNode tree, EventType eventType) {
        JavaType envelopeType = MAPPER.getTypeFactory()
                .constructParametricType(EventEnvelope.class, eventType.payloadType());
        try {
            return MAPPER.treeToValue(tree, envelopeType);
        } catch (JacksonException e) {
            throw new EventCodecException("Cannot decode " + eventType.type() + " event"
                    + idFor(tree) + " at " + pointerTo(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Where in the JSON it went wrong, as a JSON pointer: {@code /payload/items/0/quantity}. */
    private static String pointerTo(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            pointer.append('/').append(step.getPropertyName() != null ? step.getPropertyName() : step.getIndex());
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String idFor(JsonNode tree) {
        JsonNode id = tree.get("eventId");
        return id != null && id.isString() ? " " + id.asString() : "";
    }
}
