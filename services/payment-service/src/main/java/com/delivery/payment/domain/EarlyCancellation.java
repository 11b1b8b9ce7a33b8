package com.delivery.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An {@code order.cancelled} that arrived before its {@code order.created}; the payment opens cancelled. */
@Entity
@Table(name = "early_cancellations")
public class EarlyCancellation {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "cancelled_at", nullable = false)
    private Instant cancelledAt;

    protected EarlyCancellation() {
    }

    public EarlyCancellation(UUID orderId, String reason, Instant cancelledAt) {
        this.orderId = orderId;
        this.reason = reason;
        this.cancelledAt = cancelledAt;
    }

    public UUID orderId() {
        return orderId;
    }

    public String reason() {
        return reason;
    }
}
