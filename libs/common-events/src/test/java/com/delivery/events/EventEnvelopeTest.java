package com.delivery.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    @Test
    void aNewEventTakesTypeVersionAndKeyFromTheCatalogAndPayload() {
        Instant before = Instant.now();

        EventEnvelope<OrderCreated> event =
                EventEnvelope.of(SampleEvents.pizzaOrderCreated(), "order", SampleEvents.CHECKOUT);

        assertThat(event.eventId()).isNotNull();
        assertThat(event.type()).isEqualTo("order.created");
        assertThat(event.version()).isEqualTo(EventType.ORDER_CREATED.version()).isEqualTo(1);
        assertThat(event.aggregateId()).isEqualTo(SampleEvents.PIZZA_ORDER.toString());
        assertThat(event.producer()).isEqualTo("order");
        assertThat(event.correlationId()).isEqualTo(SampleEvents.CHECKOUT);
        assertThat(event.occurredAt()).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void twoNewEventsHaveDifferentIds() {
        var first = EventEnvelope.of(SampleEvents.pizzaOrderPaid(), "payment", SampleEvents.CHECKOUT);
        var second = EventEnvelope.of(SampleEvents.pizzaOrderPaid(), "payment", SampleEvents.CHECKOUT);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }

    @Test
    void withoutACorrelationAnEventStartsItsOwnFlow() {
        var event = EventEnvelope.of(SampleEvents.adaRegisters(), "user", null);

        assertThat(event.correlationId()).isEqualTo(event.eventId().toString());
    }

    @Test
    void theTimeIsKeptToTheMillisecond() {
        var event = EventEnvelope.of(SampleEvents.tiramisuSoldOut(), "vendor", null,
                Instant.parse("2026-03-14T20:15:00.002345678Z"));

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-14T20:15:00.002Z"));
    }

    @Test
    void eachEventIsKeyedByItsAggregate() {
        assertThat(SampleEvents.adaRegisters().aggregateId()).isEqualTo(SampleEvents.ADA.toString());
        assertThat(SampleEvents.pizzaOrderPaid().aggregateId()).isEqualTo(SampleEvents.PIZZA_ORDER.toString());
        assertThat(SampleEvents.pizzaOrderOfferedToTom().aggregateId()).isEqualTo(SampleEvents.PIZZA_ORDER.toString());
        assertThat(SampleEvents.tomRidesTowardsAda().aggregateId()).isEqualTo(SampleEvents.TOM_THE_DRIVER.toString());
        assertThat(SampleEvents.luigiPaidForPizzaOrder().aggregateId())
                .isEqualTo(SampleEvents.LUIGIS_PIZZERIA.toString());
        assertThat(SampleEvents.tiramisuRunningLow().aggregateId()).isEqualTo(SampleEvents.TIRAMISU.toString());
    }

    @Test
    void aTypeThatDoesNotMatchThePayloadIsRefused() {
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "order.confirmed", 1, Instant.now(),
                "order", SampleEvents.PIZZA_ORDER.toString(), SampleEvents.CHECKOUT, SampleEvents.pizzaOrderCreated()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'order.confirmed' does not match payload OrderCreated");
    }

    @Test
    void aVersionBelowOneIsRefused() {
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "order.created", 0, Instant.now(),
                "order", SampleEvents.PIZZA_ORDER.toString(), SampleEvents.CHECKOUT, SampleEvents.pizzaOrderCreated()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void aProducerIsRequired() {
        assertThatThrownBy(() -> EventEnvelope.of(SampleEvents.pizzaOrderCreated(), " ", SampleEvents.CHECKOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("producer must not be blank");
    }
}
