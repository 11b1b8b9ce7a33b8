package com.delivery.order.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which orders a list shows; {@code null} (or an empty set) means "any".
 *
 * @param from created at or after (inclusive)
 * @param to   created before (exclusive)
 */
public record OrderFilter(UUID customerId, UUID vendorId, UUID vendorOwnerId, Set<OrderStatus> statuses,
        String category, Instant from, Instant to) {

    public OrderFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static OrderFilter any() {
        return new OrderFilter(null, null, null, Set.of(), null, null, null);
    }
}
