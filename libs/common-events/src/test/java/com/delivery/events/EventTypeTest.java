package com.delivery.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aTypeIsFoundByItsNameAndByItsPayload(EventType type) {
        assertThat(EventType.byType(type.type())).isEqualTo(type);
        assertThat(EventType.byPayload(type.payloadType())).isEqualTo(type);
        assertThat(type.topic()).isEqualTo(type.type());
        assertThat(type.dltTopic()).isEqualTo(type.type() + ".DLT");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadIsARecordNamedAfterItsEvent(EventType type) {
        assertThat(type.payloadType().isRecord()).isTrue();
        String expectedName = Arrays.stream(type.type().split("[._]"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .reduce("", String::concat);
        assertThat(type.payloadType().getSimpleName()).isEqualTo(expectedName);
    }

    @Test
    void everyTopicConstantIsACataloguedTypeAndBack() throws IllegalAccessException {
        var constants = new java.util.ArrayList<String>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DLT_SUFFIX")) {
                constants.add((String) field.get(null));
            }
        }

        assertThat(constants).containsExactlyInAnyOrderElementsOf(Topics.all());
        assertThat(Topics.all()).hasSize(22).doesNotHaveDuplicates();
    }

    @Test
    void deadLettersGoToTheTopicWithADltSuffix() {
        assertThat(Topics.dlt(Topics.ORDER_CREATED)).isEqualTo("order.created.DLT");
    }

    @Test
    void anUnknownNameFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> EventType.byType("order.teleported"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("Unknown event type 'order.teleported'; known types: user.registered, ");
        assertThat(EventType.isKnown("order.teleported")).isFalse();
        assertThat(EventType.isKnown("order.created")).isTrue();
    }

    @Test
    void anUncataloguedPayloadClassFails() {
        record Teleported(String orderId) implements EventPayload {
            @Override
            public String aggregateId() {
                return orderId;
            }
        }

        assertThatThrownBy(() -> EventType.byPayload(Teleported.class))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("No event type for payload class")
                .hasMessageContaining("Teleported");
        assertThatThrownBy(() -> EventEnvelope.of(new Teleported("x"), "order", null))
                .isInstanceOf(UnknownEventTypeException.class);
    }
}
