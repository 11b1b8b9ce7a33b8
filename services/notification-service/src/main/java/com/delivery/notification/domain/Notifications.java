package com.delivery.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The message log, which is also the send queue. */
public interface Notifications {

    Notification save(Notification notification);

    Optional<Notification> findById(UUID id);

    boolean existsByEventIdAndRecipientIdAndChannel(UUID eventId, UUID recipientId, Channel channel);

    Optional<Notification> findByFallbackFor(UUID pushId);

    /**
     * Locks up to {@code limit} messages that are due (pending and their time has come, or sending with an expired
     * lease), skipping those another dispatcher holds. Call inside a transaction.
     */
    List<Notification> lockDue(Instant now, int limit);

    /** A recipient's messages, newest first, without the internal backups. */
    List<Notification> history(UUID recipientId, int page, int size);

    long countHistory(UUID recipientId);

    List<Notification> search(NotificationQuery query, int page, int size);

    long count(NotificationQuery query);
}
