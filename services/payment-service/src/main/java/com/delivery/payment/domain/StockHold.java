package com.delivery.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An {@code inventory.reserved} that arrived before its {@code order.created}: the vendor holds the order's stock, so
 * the PaymentIntent is created as soon as the payment opens.
 */
@Entity
@Table(name = "stock_holds")
public class StockHold {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Column(name = "held_at", nullable = false)
    private Instant heldAt;

    protected StockHold() {
    }

    public StockHold(UUID orderId, UUID vendorId, Instant heldAt) {
        this.orderId = orderId;
        this.vendorId = vendorId;
        this.heldAt = heldAt;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public Instant heldAt() {
        return heldAt;
    }
}
