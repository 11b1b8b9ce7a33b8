package com.delivery.order.domain;

import com.delivery.events.OrderEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a move did: the order went from {@code from} to {@code to}, made by {@code by} in the capacity {@code as},
 * and the event to publish for it (PLACED and PREPARING have none).
 */
public record StatusChange(UUID orderId, OrderStatus from, OrderStatus to, Instant at, UUID by, Party as,
        OrderEvent event) {

    public Optional<OrderEvent> eventToPublish() {
        return Optional.ofNullable(event);
    }
}
