package com.delivery.notification.infra;

import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.Notification;
import com.delivery.notification.domain.NotificationQuery;
import com.delivery.notification.domain.NotificationStatus;
import com.delivery.notification.domain.Notifications;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaNotifications extends JpaRepository<Notification, UUID>, Notifications {

    String VISIBLE = """
            FROM Notification n WHERE n.recipientId = :recipientId
              AND n.status NOT IN (com.delivery.notification.domain.NotificationStatus.STANDBY,
                                   com.delivery.notification.domain.NotificationStatus.NOT_NEEDED)
            """;

    String SEARCH = """
            FROM Notification n WHERE (:recipientId IS NULL OR n.recipientId = :recipientId)
              AND (:eventId IS NULL OR n.eventId = :eventId)
              AND (:eventType IS NULL OR n.eventType = :eventType)
              AND (:orderId IS NULL OR n.orderId = :orderId)
              AND (:channel IS NULL OR n.channel = :channel)
              AND (:status IS NULL OR n.status = :status)
              AND (:provider IS NULL OR n.provider = :provider)
            """;

    @Override
    boolean existsByEventIdAndRecipientIdAndChannel(UUID eventId, UUID recipientId, Channel channel);

    @Override
    Optional<Notification> findByFallbackFor(UUID pushId);

    @Override
    @Query(value = """
            SELECT * FROM notifications
             WHERE status IN ('PENDING', 'SENDING')
               AND ((status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND lease_until < :now))
             ORDER BY next_attempt_at
             LIMIT :limit
               FOR UPDATE SKIP LOCKED
            """, nativeQuery = true)
    List<Notification> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    @Query("SELECT n " + VISIBLE + " ORDER BY n.createdAt DESC, n.id")
    List<Notification> historyPage(@Param("recipientId") UUID recipientId, Pageable page);

    @Override
    @Query("SELECT count(n) " + VISIBLE)
    long countHistory(@Param("recipientId") UUID recipientId);

    @Query("SELECT n " + SEARCH + " ORDER BY n.createdAt DESC, n.id")
    List<Notification> searchPage(@Param("recipientId") UUID recipientId, @Param("eventId") UUID eventId,
            @Param("eventType") String eventType, @Param("orderId") UUID orderId, @Param("channel") Channel channel,
            @Param("status") NotificationStatus status, @Param("provider") String provider, Pageable page);

    @Query("SELECT count(n) " + SEARCH)
    long countSearch(@Param("recipientId") UUID recipientId, @Param("eventId") UUID eventId,
            @Param("eventType") String eventType, @Param("orderId") UUID orderId, @Param("channel") Channel channel,
            @Param("status") NotificationStatus status, @Param("provider") String provider);

    @Override
    default List<Notification> history(UUID recipientId, int page, int size) {
        return historyPage(recipientId, PageRequest.of(page, size));
    }

    @Override
    default List<Notification> search(NotificationQuery q, int page, int size) {
        return searchPage(q.recipientId(), q.eventId(), q.eventType(), q.orderId(), q.channel(), q.status(),
                q.provider(), PageRequest.of(page, size));
    }

    @Override
    default long count(NotificationQuery q) {
        return countSearch(q.recipientId(), q.eventId(), q.eventType(), q.orderId(), q.channel(), q.status(),
                q.provider());
    }
}
