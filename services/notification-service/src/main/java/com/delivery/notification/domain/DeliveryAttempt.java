package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One call to a provider (or the local sink) for a notification, kept whatever came of it. */
@Entity
@Table(name = "delivery_attempts")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notification_id", nullable = false)
    private UUID notificationId;

    @Column(nullable = false)
    private int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String provider;

    private String destination;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptOutcome outcome;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "http_status")
    private Integer httpStatus;

    private String error;

    @Column(name = "retry_after_ms")
    private Long retryAfterMs;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(Notification notification, String provider, String destination, AttemptOutcome outcome,
            String providerMessageId, Integer httpStatus, String error, Long retryAfterMs, Instant attemptedAt) {
        this.notificationId = notification.id();
        this.attempt = notification.attempts();
        this.channel = notification.channel();
        this.provider = provider;
        this.destination = destination;
        this.outcome = outcome;
        this.providerMessageId = providerMessageId;
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        this.retryAfterMs = retryAfterMs;
        this.attemptedAt = attemptedAt;
    }

    public UUID notificationId() {
        return notificationId;
    }

    public int attempt() {
        return attempt;
    }

    public Channel channel() {
        return channel;
    }

    public String provider() {
        return provider;
    }

    public String destination() {
        return destination;
    }

    public AttemptOutcome outcome() {
        return outcome;
    }

    public String providerMessageId() {
        return providerMessageId;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public Long retryAfterMs() {
        return retryAfterMs;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }
}
