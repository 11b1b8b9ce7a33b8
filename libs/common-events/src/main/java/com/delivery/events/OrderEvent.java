package com.delivery.events;

import java.util.UUID;

/**
 * A payload keyed by its order: every {@code order.*} and {@code payment.*} event, and the driver events
 * about one order's delivery. Keying them all by order id puts one order's events on the same partition
 * number in every topic (topics share a partition count), which is what per-order consumers want.
 */
public interface OrderEvent extends EventPayload {

    UUID orderId();

    @Override
    default String aggregateId() {
        return orderId().toString();
    }
}
