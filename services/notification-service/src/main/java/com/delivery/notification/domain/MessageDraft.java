package com.delivery.notification.domain;

import java.util.UUID;

/**
 * A message as routing and rendering produced it, before it is recorded.
 *
 * @param destination phone number or email address; for push a description, as the tokens are looked up when sending
 * @param subject     push title or email subject; {@code null} for SMS
 * @param body        push text, SMS text or email HTML
 */
public record MessageDraft(
        UUID eventId,
        String eventType,
        UUID orderId,
        UUID recipientId,
        Audience audience,
        Channel channel,
        Category category,
        boolean critical,
        String template,
        String locale,
        String destination,
        String subject,
        String body) {

    /** The same message on another channel, e.g. the SMS that backs up a critical push. */
    public MessageDraft on(Channel otherChannel, String otherDestination, String otherSubject, String otherBody) {
        return new MessageDraft(eventId, eventType, orderId, recipientId, audience, otherChannel, category, critical,
                template, locale, otherDestination, otherSubject, otherBody);
    }
}
