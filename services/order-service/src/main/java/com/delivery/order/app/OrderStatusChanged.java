package com.delivery.order.app;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (as a Spring application event) for every status move; pushed to sockets after commit.
 *
 * @param reason the cancellation's reason code, {@code null} for other moves
 * @param detail the cancellation's words for the customer, {@code null} for other moves or when there are none
 */
public record OrderStatusChanged(UUID orderId, String status, String previousStatus, Instant at, UUID customerId,
        UUID vendorId, String category, String reason, String detail) {
}
