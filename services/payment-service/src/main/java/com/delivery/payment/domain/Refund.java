package com.delivery.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Money given back on a payment; created through {@link Payment#refund}. */
@Entity
@Table(name = "refunds")
public class Refund {

    @Id
    private UUID id;

    @Column(name = "payment_id", nullable = false)
    private UUID paymentId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    @Column(name = "provider_refund_id")
    private String providerRefundId;

    @Column(name = "requested_by")
    private UUID requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Refund() {
    }

    Refund(UUID id, UUID paymentId, long amountMinor, String currency, String reason, RefundStatus status,
            String providerRefundId, UUID requestedBy, Instant createdAt) {
        this.id = id;
        this.paymentId = paymentId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.reason = reason;
        this.status = status;
        this.providerRefundId = providerRefundId;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public RefundStatus status() {
        return status;
    }

    public String providerRefundId() {
        return providerRefundId;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
