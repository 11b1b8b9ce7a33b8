package com.delivery.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeSurvivesARoundTrip(EventType type) {
        EventEnvelope<EventPayload> sample = SampleEvents.envelope(type);

        String json = EventCodec.encode(sample);

        assertThat(EventCodec.decode(json)).isEqualTo(sample);
        assertThat(EventCodec.decode(json, type.payloadType())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aFreshlyBuiltEventSurvivesARoundTrip(EventType type) {
        EventEnvelope<EventPayload> fresh = EventEnvelope.of(SampleEvents.payload(type), "test", null);

        assertThat(EventCodec.decode(EventCodec.encode(fresh))).isEqualTo(fresh);
    }

    @Test
    void decodingForAConsumerOfOneTopicGivesTheTypedPayload() {
        String json = EventCodec.encode(SampleEvents.envelope(EventType.ORDER_CREATED));

        EventEnvelope<OrderCreated> decoded = EventCodec.decode(json, OrderCreated.class);

        assertThat(decoded.payload().items()).extracting(OrderCreated.OrderLine::name)
                .containsExactly("Pizza Margherita", "Tiramisu");
        assertThat(decoded.payload().deliveryAddress()).isEqualTo(SampleEvents.TORSTRASSE_49);
    }

    @Test
    void theEnvelopeHasExactlyTheDocumentedTopLevelFields() {
        JsonNode json = tree(SampleEvents.envelope(EventType.ORDER_CREATED));

        assertThat(json.propertyNames()).containsExactly(
                "eventId", "type", "version", "occurredAt", "producer", "aggregateId", "correlationId", "payload");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aPayloadHasExactlyItsRecordComponentsAsFields(EventType type) {
        JsonNode payload = tree(SampleEvents.envelope(type)).get("payload");

        List<String> components = Arrays.stream(type.payloadType().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        assertThat(payload.propertyNames()).containsExactlyElementsOf(components);
    }

    @Test
    void nestedValuesCarryOnlyTheirComponents() {
        JsonNode address = tree(SampleEvents.envelope(EventType.ORDER_CREATED)).at("/payload/deliveryAddress");

        assertThat(address.propertyNames()).containsExactly("line1", "city", "postalCode", "lat", "lng");
    }

    @Test
    void instantsAreIsoStrings() {
        JsonNode created = tree(SampleEvents.envelope(EventType.ORDER_CREATED));
        JsonNode offer = tree(SampleEvents.envelope(EventType.DRIVER_OFFER));

        assertThat(created.get("occurredAt").isString()).isTrue();
        assertThat(created.get("occurredAt").asString()).isEqualTo("2026-03-14T18:42:07.215Z");
        assertThat(offer.at("/payload/expiresAt").asString()).isEqualTo("2026-03-14T18:43:32.903Z");
    }

    @Test
    void idsAreStringsAndMoneyIsAWholeNumber() {
        JsonNode payload = tree(SampleEvents.envelope(EventType.ORDER_CREATED)).get("payload");

        assertThat(payload.get("orderId").asString()).isEqualTo(SampleEvents.PIZZA_ORDER.toString());
        assertThat(payload.get("totalMinor").isIntegralNumber()).isTrue();
        assertThat(payload.get("totalMinor").asLong()).isEqualTo(2949);
    }

    @Test
    void nullsAreWrittenOutSoTheFieldIsVisiblyEmpty() {
        JsonNode payload = tree(SampleEvents.envelope(EventType.ORDER_CONFIRMED)).get("payload");

        assertThat(payload.has("driverId")).isTrue();
        assertThat(payload.get("driverId").isNull()).isTrue();
    }

    @Test
    void unknownFieldsAnywhereAreIgnored() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.ORDER_CREATED));
        json.put("traceParent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) json.get("payload")).put("promoCode", "SPRING26");
        ((ObjectNode) json.at("/payload/deliveryAddress")).put("doorCode", "4711");
        ((ObjectNode) json.at("/payload/items/0")).putArray("allergens").add("gluten");

        EventEnvelope<EventPayload> decoded = EventCodec.decode(json.toString());

        assertThat(decoded).isEqualTo(SampleEvents.envelope(EventType.ORDER_CREATED));
    }

    @Test
    void aNewerVersionStillDecodesWhenItsFieldsFit() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.PAYMENT_COMPLETED));
        json.put("version", 3);
        ((ObjectNode) json.get("payload")).put("paymentMethod", "card");

        EventEnvelope<PaymentCompleted> decoded = EventCodec.decode(json.toString(), PaymentCompleted.class);

        assertThat(decoded.version()).isEqualTo(3);
        assertThat(decoded.payload()).isEqualTo(SampleEvents.pizzaOrderPaid());
    }

    @Test
    void anUnknownTypeFailsNamingTheTypeAndTheKnownOnes() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.ORDER_CREATED));
        json.put("type", "order.teleported");

        assertThatThrownBy(() -> EventCodec.decode(json.toString()))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("Unknown event type 'order.teleported'")
                .hasMessageContaining("order.created");
    }

    @Test
    void anEventWithoutTypeFails() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.ORDER_CREATED));
        json.remove("type");

        assertThatThrownBy(() -> EventCodec.decode(json.toString()))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("no 'type'");
    }

    @Test
    void decodingAsAnotherTypeThanTheTopicsFails() {
        String json = EventCodec.encode(SampleEvents.envelope(EventType.ORDER_CANCELLED));

        assertThatThrownBy(() -> EventCodec.decode(json, OrderCreated.class))
                .isInstanceOf(EventCodecException.class)
                .hasMessage("Expected an event of type 'order.created' but got 'order.cancelled'");
    }

    @Test
    void aPayloadMissingARequiredFieldFails() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.PAYMENT_COMPLETED));
        ((ObjectNode) json.get("payload")).remove("currency");

        assertThatThrownBy(() -> EventCodec.decode(json.toString()))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("payment.completed")
                .hasMessageContaining("currency");
    }

    @Test
    void aNullAmountFailsInsteadOfBecomingZero() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.PAYMENT_COMPLETED));
        ((ObjectNode) json.get("payload")).putNull("amountMinor");

        assertThatThrownBy(() -> EventCodec.decode(json.toString()))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("amountMinor");
    }

    @Test
    void anAggregateIdThatContradictsThePayloadFails() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.ORDER_CREATED));
        json.put("aggregateId", SampleEvents.ADA.toString());

        assertThatThrownBy(() -> EventCodec.decode(json.toString()))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("aggregateId");
    }

    @Test
    void malformedJsonFails() {
        assertThatThrownBy(() -> EventCodec.decode("{\"type\": \"order.created\", "))
                .isInstanceOf(EventCodecException.class)
                .hasMessageStartingWith("Malformed event JSON");
        assertThatThrownBy(() -> EventCodec.decode("[]"))
                .isInstanceOf(EventCodecException.class)
                .hasMessage("An event must be a JSON object");
    }

    @Test
    void aMissingTimeIsRejectedRatherThanDefaulted() {
        ObjectNode json = tree(SampleEvents.envelope(EventType.ORDER_CREATED));
        json.remove("occurredAt");

        assertThatThrownBy(() -> EventCodec.decode(json.toString()))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("occurredAt");
    }

    @Test
    void theSharedMapperReadsInstantsItWrote() {
        Instant instant = Instant.parse("2026-03-14T18:42:07.215Z");

        String json = EventCodec.mapper().writeValueAsString(instant);

        assertThat(json).isEqualTo("\"2026-03-14T18:42:07.215Z\"");
        assertThat(EventCodec.mapper().readValue(json, Instant.class)).isEqualTo(instant);
    }

    @Test
    void everySampleHasADistinctEventId() {
        Set<Object> ids = Arrays.stream(EventType.values())
                .map(type -> SampleEvents.envelope(type).eventId()).collect(Collectors.toSet());

        assertThat(ids).hasSize(EventType.values().length);
    }

    private static ObjectNode tree(EventEnvelope<?> envelope) {
        return (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(envelope));
    }
}
