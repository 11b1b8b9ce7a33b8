package com.delivery.vendor.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the vendor service learnt about its orders from order events, for analytics and rating checks. */
public interface OrderFacts {

    record Line(UUID menuItemId, String name, int quantity, long lineTotalMinor) {
    }

    record Summary(long received, long delivered, long cancelled, long inProgress, long revenueMinor) {
    }

    record TopItem(UUID menuItemId, String name, long quantity, long revenueMinor) {
    }

    void recordCreated(UUID orderId, UUID vendorId, UUID customerId, long subtotalMinor, String currency,
            Instant createdAt, List<Line> lines);

    void recordDelivered(UUID orderId, UUID vendorId, UUID customerId, long subtotalMinor, String currency, Instant at);

    void recordCancelled(UUID orderId, UUID vendorId, UUID customerId, Instant at);

    /** Counts over orders created in [from, to); revenue is the subtotal of delivered orders only. */
    Summary summarize(UUID vendorId, Instant from, Instant to);

    List<TopItem> topItems(UUID vendorId, Instant from, Instant to, int limit);

    /** Delivered orders by local hour of creation (0..23) in the vendor's time zone. */
    Map<Integer, Long> deliveredByHour(UUID vendorId, Instant from, Instant to, ZoneId zone);

    boolean isDeliveredOrderOf(UUID orderId, UUID vendorId, UUID customerId);
}
