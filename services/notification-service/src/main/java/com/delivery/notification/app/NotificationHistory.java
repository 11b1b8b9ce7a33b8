package com.delivery.notification.app;

import com.delivery.notification.domain.DeliveryAttempt;
import com.delivery.notification.domain.DeliveryAttempts;
import com.delivery.notification.domain.Notification;
import com.delivery.notification.domain.NotificationQuery;
import com.delivery.notification.domain.Notifications;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What was sent: a user's own history, and the admin's view of everything with every attempt. */
@Service
public class NotificationHistory {

    private final Notifications notifications;
    private final DeliveryAttempts attempts;

    NotificationHistory(Notifications notifications, DeliveryAttempts attempts) {
        this.notifications = notifications;
        this.attempts = attempts;
    }

    public record Page<T>(List<T> items, long total) {
    }

    public record Sent(Notification notification, List<DeliveryAttempt> attempts) {
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(UUID recipientId, int page, int size) {
        return new Page<>(notifications.history(recipientId, page, size), notifications.countHistory(recipientId));
    }

    @Transactional(readOnly = true)
    public Page<Sent> search(NotificationQuery query, int page, int size) {
        List<Sent> items = notifications.search(query, page, size).stream()
                .map(n -> new Sent(n, attempts.findByNotificationIdOrderByIdAsc(n.id()))).toList();
        return new Page<>(items, notifications.count(query));
    }
}
