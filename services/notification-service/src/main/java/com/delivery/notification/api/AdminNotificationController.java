package com.delivery.notification.api;

import com.delivery.kit.web.ApiException;
import com.delivery.notification.app.NotificationHistory;
import com.delivery.notification.domain.AttemptOutcome;
import com.delivery.notification.domain.Audience;
import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.DeliveryAttempt;
import com.delivery.notification.domain.Notification;
import com.delivery.notification.domain.NotificationQuery;
import com.delivery.notification.domain.NotificationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/notifications")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: notifications")
class AdminNotificationController {

    private final NotificationHistory history;

    AdminNotificationController(NotificationHistory history) {
        this.history = history;
    }

    record AttemptItem(int attempt, String provider, String destination, AttemptOutcome outcome,
            String providerMessageId, Integer httpStatus, String error, Long retryAfterMs, Instant attemptedAt) {
        static AttemptItem of(DeliveryAttempt a) {
            return new AttemptItem(a.attempt(), a.provider(), a.destination(), a.outcome(), a.providerMessageId(),
                    a.httpStatus(), a.error(), a.retryAfterMs(), a.attemptedAt());
        }
    }

    record NotificationItem(UUID id, UUID eventId, String eventType, UUID orderId, UUID recipientId,
            Audience audience, Channel channel, String category, boolean critical, String template, String locale,
            String destination, String subject, String body, NotificationStatus status, String provider,
            String providerMessageId, int attempts, String lastError, UUID fallbackFor, Instant createdAt,
            Instant deliveredAt, List<AttemptItem> deliveryAttempts) {
        static NotificationItem of(NotificationHistory.Sent sent) {
            Notification n = sent.notification();
            return new NotificationItem(n.id(), n.eventId(), n.eventType(), n.orderId(), n.recipientId(),
                    n.audience(), n.channel(), n.category().id(), n.critical(), n.template(), n.locale(),
                    n.destination(), n.subject(), n.body(), n.status(), n.provider(), n.providerMessageId(),
                    n.attempts(), n.lastError(), n.fallbackFor(), n.createdAt(), n.deliveredAt(),
                    sent.attempts().stream().map(AttemptItem::of).toList());
        }
    }

    record NotificationPage(List<NotificationItem> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "What was sent to whom, with every attempt; provider=local-sink lists the local sink's contents."
            + " event is an event type (order.created) or an event id")
    NotificationPage search(@RequestParam(required = false) UUID recipient,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) UUID order,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) NotificationStatus status,
            @RequestParam(required = false) String provider,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        UUID eventId = null;
        String eventType = null;
        if (event != null && !event.isBlank()) {
            try {
                eventId = UUID.fromString(event);
            } catch (IllegalArgumentException notAnId) {
                if (!event.matches("[a-z_]+\\.[a-z_.]+")) {
                    throw ApiException.badRequest("invalid-event", "event must be an event type or an event id");
                }
                eventType = event;
            }
        }
        NotificationQuery query = new NotificationQuery(recipient, eventId, eventType, order, channel, status,
                provider == null || provider.isBlank() ? null : provider);
        NotificationHistory.Page<NotificationHistory.Sent> result = history.search(query, page, size);
        return new NotificationPage(result.items().stream().map(NotificationItem::of).toList(), page, size,
                result.total());
    }
}
