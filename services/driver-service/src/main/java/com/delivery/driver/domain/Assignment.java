package com.delivery.driver.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Which driver delivers which order. Remembers the customer so that only they can rate the delivery.
 */
@Entity
@Table(name = "assignments")
public class Assignment {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "driver_id", nullable = false)
    private UUID driverId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentStatus status;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private Long version;

    protected Assignment() {
    }

    private Assignment(UUID orderId, UUID driverId, UUID customerId, UUID vendorId, AssignmentStatus status,
            Instant assignedAt) {
        this.orderId = orderId;
        this.driverId = driverId;
        this.customerId = customerId;
        this.vendorId = vendorId;
        this.status = status;
        this.assignedAt = assignedAt;
    }

    /** The driver accepted the offer: busy until the order is delivered or cancelled. */
    public static Assignment start(UUID orderId, UUID driverId, UUID customerId, UUID vendorId, Instant now) {
        return new Assignment(orderId, driverId, customerId, vendorId, AssignmentStatus.ACTIVE, now);
    }

    /** A delivery we learn of only from {@code order.delivered} (e.g. assigned before this service knew it). */
    public static Assignment alreadyDelivered(UUID orderId, UUID driverId, UUID customerId, UUID vendorId,
            Instant deliveredAt) {
        Assignment assignment = new Assignment(orderId, driverId, customerId, vendorId, AssignmentStatus.DELIVERED,
                deliveredAt);
        assignment.endedAt = deliveredAt;
        return assignment;
    }

    /** Returns false when it was not active (already delivered or cancelled). */
    public boolean delivered(Instant now) {
        return end(AssignmentStatus.DELIVERED, now);
    }

    public boolean cancelled(Instant now) {
        return end(AssignmentStatus.CANCELLED, now);
    }

    private boolean end(AssignmentStatus outcome, Instant now) {
        if (status != AssignmentStatus.ACTIVE) {
            return false;
        }
        status = outcome;
        endedAt = now;
        return true;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID driverId() {
        return driverId;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public AssignmentStatus status() {
        return status;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
