package com.delivery.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as order.created described it. Later order events carry ids and amounts only; their messages still
 * name the vendor and list the items from here.
 */
@Entity
@Table(name = "order_snapshots")
public class OrderSnapshot {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Column(name = "vendor_name", nullable = false)
    private String vendorName;

    @Column(nullable = false)
    private String currency;

    @Column(name = "subtotal_minor", nullable = false)
    private long subtotalMinor;

    @Column(name = "delivery_fee_minor", nullable = false)
    private long deliveryFeeMinor;

    @Column(name = "tip_minor", nullable = false)
    private long tipMinor;

    @Column(name = "tax_minor", nullable = false)
    private long taxMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Convert(converter = OrderLinesConverter.class)
    @Column(nullable = false)
    private List<OrderLine> items;

    @Column(name = "estimated_ready_minutes", nullable = false)
    private int estimatedReadyMinutes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OrderSnapshot() {
    }

    public OrderSnapshot(UUID orderId, UUID customerId, UUID vendorId, String vendorName, String currency,
            OrderTotals totals, List<OrderLine> items, int estimatedReadyMinutes, Instant createdAt) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.vendorId = vendorId;
        this.vendorName = vendorName;
        this.currency = currency;
        this.subtotalMinor = totals.subtotalMinor();
        this.deliveryFeeMinor = totals.deliveryFeeMinor();
        this.tipMinor = totals.tipMinor();
        this.taxMinor = totals.taxMinor();
        this.totalMinor = totals.totalMinor();
        this.items = List.copyOf(items);
        this.estimatedReadyMinutes = estimatedReadyMinutes;
        this.createdAt = createdAt;
    }

    public UUID orderId() {
        return orderId;
    }

    public String vendorName() {
        return vendorName;
    }

    public String currency() {
        return currency;
    }

    public OrderTotals totals() {
        return new OrderTotals(subtotalMinor, deliveryFeeMinor, tipMinor, taxMinor, totalMinor);
    }

    public List<OrderLine> items() {
        return items;
    }

    public int estimatedReadyMinutes() {
        return estimatedReadyMinutes;
    }
}
