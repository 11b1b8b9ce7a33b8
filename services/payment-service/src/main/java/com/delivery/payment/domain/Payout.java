package com.delivery.payment.domain;

import com.delivery.events.PayoutPaid;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The vendor's share of one delivered order. With destination charges Stripe moves the money to the connected
 * account when the charge is captured; the payout records that share against the delivery and becomes PAID once
 * the provider's transfer id is known.
 */
@Entity
@Table(name = "payouts")
public class Payout {

    @Id
    private UUID id;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Column(name = "order_id", nullable = false, unique = true)
    private UUID orderId;

    @Column(name = "payment_id", nullable = false)
    private UUID paymentId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PayoutStatus status;

    @Column(name = "provider_reference")
    private String providerReference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Version
    private Long version;

    protected Payout() {
    }

    private Payout(Payment payment, PayoutStatus status, Instant now) {
        this.id = idFor(payment.orderId());
        this.vendorId = payment.vendorId();
        this.orderId = payment.orderId();
        this.paymentId = payment.id();
        this.amountMinor = payment.vendorShareMinor();
        this.currency = payment.currency();
        this.status = status;
        this.createdAt = now;
    }

    /** The payout for a delivered order's payment, in the state the payment allows. */
    public static Payout forDelivered(Payment payment, Instant now) {
        PayoutStatus status;
        if (payment.status() != PaymentStatus.SUCCEEDED && payment.status() != PaymentStatus.PARTIALLY_REFUNDED) {
            status = PayoutStatus.ON_HOLD;
        } else if (!payment.hasDestination()) {
            status = PayoutStatus.PENDING_ACCOUNT;
        } else {
            status = PayoutStatus.AWAITING_TRANSFER;
        }
        return new Payout(payment, status, now);
    }

    public static UUID idFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("payout:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** The transfer to the vendor is known: the payout is paid (once). */
    public Optional<PayoutPaid> markPaid(String transferId, Instant now) {
        if (status != PayoutStatus.AWAITING_TRANSFER || transferId == null) {
            return Optional.empty();
        }
        this.status = PayoutStatus.PAID;
        this.providerReference = transferId;
        this.paidAt = now;
        return Optional.of(new PayoutPaid(id, vendorId, amountMinor, currency, transferId, orderId));
    }

    public UUID id() {
        return id;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public UUID orderId() {
        return orderId;
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

    public PayoutStatus status() {
        return status;
    }

    public String providerReference() {
        return providerReference;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
