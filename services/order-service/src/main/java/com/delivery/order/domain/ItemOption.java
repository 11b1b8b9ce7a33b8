package com.delivery.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** An option chosen for an item (size, extra topping), priced as the quote priced it. */
@Embeddable
public record ItemOption(
        @Column(name = "option_id", nullable = false) UUID optionId,
        @Column(nullable = false) String name,
        @Column(name = "price_delta_minor", nullable = false) long priceDeltaMinor) {
}
