package com.delivery.notification.domain;

import java.util.UUID;

/** What an admin filters the message log by; every field may be {@code null}. */
public record NotificationQuery(UUID recipientId, UUID eventId, String eventType, UUID orderId, Channel channel,
        NotificationStatus status, String provider) {
}
