package com.delivery.notification.app;

import com.delivery.notification.domain.Channel;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A claimed message with all it takes to send it, read in one short transaction so no transaction stays open while
 * a provider is called.
 *
 * @param tokens the recipient's device tokens at send time (push only)
 */
public record DeliveryJob(UUID notificationId, Channel channel, boolean critical, String destination,
        String recipientName, String subject, String body, List<String> tokens, Map<String, String> data) {
}
