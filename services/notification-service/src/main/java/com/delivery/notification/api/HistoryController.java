package com.delivery.notification.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.notification.app.NotificationHistory;
import com.delivery.notification.domain.Category;
import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.Notification;
import com.delivery.notification.domain.NotificationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/history")
@Tag(name = "My notification history")
class HistoryController {

    private final NotificationHistory history;

    HistoryController(NotificationHistory history) {
        this.history = history;
    }

    record HistoryItem(UUID id, String eventType, UUID orderId, Channel channel, String category, boolean critical,
            NotificationStatus status, String subject, String body, Instant createdAt, Instant deliveredAt) {
        static HistoryItem of(Notification n) {
            return new HistoryItem(n.id(), n.eventType(), n.orderId(), n.channel(), categoryId(n.category()),
                    n.critical(), n.status(), n.subject(), n.body(), n.createdAt(), n.deliveredAt());
        }

        private static String categoryId(Category category) {
            return category.id();
        }
    }

    record HistoryPage(List<HistoryItem> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Messages sent (or being sent, or skipped) to me, newest first")
    HistoryPage mine(CurrentUser user, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        NotificationHistory.Page<Notification> result = history.of(user.id(), page, size);
        return new HistoryPage(result.items().stream().map(HistoryItem::of).toList(), page, size, result.total());
    }
}
