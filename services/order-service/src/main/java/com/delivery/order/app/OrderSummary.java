package com.delivery.order.app;

import com.delivery.order.domain.Order;
import java.time.Instant;
import java.util.UUID;

/** An order in a list. */
public record OrderSummary(UUID id, String status, UUID customerId, UUID vendorId, String vendorName, String category,
        long totalMinor, String currency, UUID driverId, Instant createdAt, Instant updatedAt) {

    static OrderSummary of(Order order) {
        return new OrderSummary(order.id(), order.status().name(), order.customerId(), order.vendorId(),
                order.vendorName(), order.category(), order.totals().totalMinor(), order.currency(), order.driverId(),
                order.createdAt(), order.updatedAt());
    }
}
