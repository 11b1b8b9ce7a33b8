package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One message: an event, a recipient, a channel. Its status moves only through the methods below, each of which
 * refuses a move its current state does not allow.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    private static final int MAX_ERROR = 1000;

    @Id
    private UUID id;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "recipient_id", nullable = false)
    private UUID recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private boolean critical;

    @Column(nullable = false)
    private String template;

    private String locale;

    private String destination;

    private String subject;

    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationStatus status;

    private String provider;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "fallback_for")
    private UUID fallbackFor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Version
    private long version;

    protected Notification() {
    }

    private Notification(MessageDraft draft, NotificationStatus status, Instant now) {
        this.id = UUID.randomUUID();
        this.eventId = draft.eventId();
        this.eventType = draft.eventType();
        this.orderId = draft.orderId();
        this.recipientId = draft.recipientId();
        this.audience = draft.audience();
        this.channel = draft.channel();
        this.category = draft.category();
        this.critical = draft.critical();
        this.template = draft.template();
        this.locale = draft.locale();
        this.destination = draft.destination();
        this.subject = draft.subject();
        this.body = draft.body();
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A message to send as soon as a dispatcher gets to it. */
    public static Notification pending(MessageDraft draft, Instant now) {
        Notification notification = new Notification(draft, NotificationStatus.PENDING, now);
        notification.nextAttemptAt = now;
        return notification;
    }

    /** An SMS kept ready in case the critical push {@code push} turns out impossible. */
    public static Notification standby(MessageDraft draft, Notification push, Instant now) {
        Notification notification = new Notification(draft, NotificationStatus.STANDBY, now);
        notification.fallbackFor = push.id;
        return notification;
    }

    /** A routed message that will not be sent, and why. */
    public static Notification skipped(MessageDraft draft, SkipReason reason, Instant now) {
        Notification notification = new Notification(draft, NotificationStatus.SKIPPED, now);
        notification.lastError = reason.name();
        return notification;
    }

    /** A dispatcher takes the message; the lease lets another dispatcher retake it if this one dies. */
    public void claim(Instant now, Duration lease) {
        boolean due = status == NotificationStatus.PENDING && !nextAttemptAt.isAfter(now);
        boolean abandoned = status == NotificationStatus.SENDING && leaseUntil != null && leaseUntil.isBefore(now);
        if (!due && !abandoned) {
            throw new IllegalNotificationTransition(this, "be claimed");
        }
        status = NotificationStatus.SENDING;
        attempts++;
        leaseUntil = now.plus(lease);
        updatedAt = now;
    }

    public void delivered(String provider, String providerMessageId, Instant now) {
        requireSending("be delivered");
        status = NotificationStatus.DELIVERED;
        this.provider = provider;
        this.providerMessageId = providerMessageId;
        deliveredAt = now;
        leaseUntil = null;
        nextAttemptAt = null;
        lastError = null;
        updatedAt = now;
    }

    public void retryAt(Instant at, String provider, String error, Instant now) {
        requireSending("be retried");
        status = NotificationStatus.PENDING;
        this.provider = provider;
        lastError = truncate(error);
        nextAttemptAt = at;
        leaseUntil = null;
        updatedAt = now;
    }

    public void failed(String provider, String error, Instant now) {
        requireSending("fail");
        status = NotificationStatus.FAILED;
        this.provider = provider;
        lastError = truncate(error);
        nextAttemptAt = null;
        leaseUntil = null;
        updatedAt = now;
    }

    /** The push this SMS backs up could not be delivered: send the SMS. */
    public void activate(Instant now) {
        if (status != NotificationStatus.STANDBY) {
            throw new IllegalNotificationTransition(this, "be activated");
        }
        status = NotificationStatus.PENDING;
        nextAttemptAt = now;
        updatedAt = now;
    }

    /** The push this SMS backs up was delivered: the SMS is not needed. */
    public void standDown(Instant now) {
        if (status != NotificationStatus.STANDBY) {
            throw new IllegalNotificationTransition(this, "stand down");
        }
        status = NotificationStatus.NOT_NEEDED;
        updatedAt = now;
    }

    private void requireSending(String move) {
        if (status != NotificationStatus.SENDING) {
            throw new IllegalNotificationTransition(this, move);
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public Audience audience() {
        return audience;
    }

    public Channel channel() {
        return channel;
    }

    public Category category() {
        return category;
    }

    public boolean critical() {
        return critical;
    }

    public String template() {
        return template;
    }

    public String locale() {
        return locale;
    }

    public String destination() {
        return destination;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public NotificationStatus status() {
        return status;
    }

    public String provider() {
        return provider;
    }

    public String providerMessageId() {
        return providerMessageId;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public UUID fallbackFor() {
        return fallbackFor;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
