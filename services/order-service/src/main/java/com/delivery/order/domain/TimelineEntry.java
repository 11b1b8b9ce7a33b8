package com.delivery.order.domain;

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

/** One row of an order's history: who did what, in which capacity, when, and why. */
@Entity
@Table(name = "order_events")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TimelineKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private OrderStatus toStatus;

    @Column(name = "actor_id")
    private UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role", nullable = false)
    private Party actorRole;

    private String reason;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected TimelineEntry() {
    }

    TimelineEntry(TimelineKind kind, OrderStatus fromStatus, OrderStatus toStatus, UUID actorId, Party actorRole,
            String reason, Instant occurredAt) {
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }

    public TimelineKind kind() {
        return kind;
    }

    public OrderStatus fromStatus() {
        return fromStatus;
    }

    public OrderStatus toStatus() {
        return toStatus;
    }

    public UUID actorId() {
        return actorId;
    }

    public Party actorRole() {
        return actorRole;
    }

    public String reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
