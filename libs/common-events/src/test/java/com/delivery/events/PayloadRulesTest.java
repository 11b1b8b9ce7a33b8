package com.delivery.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadRulesTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void currencyMustBeAnIsoCode() {
        assertThatThrownBy(() -> new PaymentCompleted(ID, ID, ID, 100, "euro", "pi_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency must be an ISO 4217 code such as EUR, was 'euro'");
        assertThatThrownBy(() -> new PaymentCompleted(ID, ID, ID, 100, "eur", "pi_1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PaymentCompleted(ID, ID, ID, 100, "USD", "pi_1").currency()).isEqualTo("USD");
    }

    @Test
    void moneyCannotBeNegative() {
        assertThatThrownBy(() -> new PaymentRefunded(ID, ID, ID, -1, "EUR", "pi_1", "ADMIN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amountMinor must not be negative, was -1");
    }

    @Test
    void requiredIdsAreRequired() {
        assertThatThrownBy(() -> new DriverAssigned(ID, null, "Tom", "CAR", ID, ID))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("driverId is required");
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        OrderCreated order = SampleEvents.pizzaOrderCreated();

        assertThatThrownBy(() -> new OrderCreated(order.orderId(), order.customerId(), order.vendorId(),
                order.vendorName(), order.category(), List.of(), 0, 0, 0, 0, 0, 0, "EUR",
                order.deliveryAddress(), order.vendorLocation(), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items must not be empty");
    }

    @Test
    void linesAreCopiedSoTheEventCannotChangeAfterwards() {
        var lines = new ArrayList<>(List.of(new OrderCancelled.ItemQuantity(ID, 1)));
        var cancelled = new OrderCancelled(ID, ID, ID, null, "CUSTOMER_REQUEST", "CUSTOMER", "PLACED", lines);

        lines.add(new OrderCancelled.ItemQuantity(ID, 5));

        assertThat(cancelled.items()).hasSize(1);
        assertThatThrownBy(() -> cancelled.items().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void coordinatesMustBeOnEarth() {
        assertThatThrownBy(() -> new GeoPoint(91, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coordinates out of range: lat=91.0, lng=0.0");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAddressKnowsItsPosition() {
        assertThat(SampleEvents.TORSTRASSE_49.location()).isEqualTo(new GeoPoint(52.5291, 13.4013));
    }
}
