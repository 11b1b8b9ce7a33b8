package com.delivery.order.app;

import java.time.Instant;
import java.util.UUID;

/** Published (as a Spring application event) for every status move; pushed to sockets after commit. */
public record OrderStatusChanged(UUID orderId, String status, String previousStatus, Instant at, UUID customerId,
        UUID vendorId, String category) {
}
