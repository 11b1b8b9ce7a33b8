package com.delivery.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the order goes, as the customer gave it at checkout. */
@Embeddable
public record DeliveryAddress(
        @Column(name = "delivery_line1", nullable = false) String line1,
        @Column(name = "delivery_city", nullable = false) String city,
        @Column(name = "delivery_postal_code") String postalCode,
        @Column(name = "delivery_lat", nullable = false) double lat,
        @Column(name = "delivery_lng", nullable = false) double lng) {
}
