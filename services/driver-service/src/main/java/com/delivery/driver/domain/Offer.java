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

/** An order offered to one driver, who must answer before it expires. */
@Entity
@Table(name = "offers")
public class Offer {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "driver_id", nullable = false)
    private UUID driverId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferStatus status;

    @Column(name = "distance_meters", nullable = false)
    private int distanceMeters;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    private Long version;

    protected Offer() {
    }

    public Offer(UUID orderId, UUID driverId, int distanceMeters, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.driverId = driverId;
        this.distanceMeters = distanceMeters;
        this.status = OfferStatus.PENDING;
        this.offeredAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isPending() {
        return status == OfferStatus.PENDING;
    }

    /** Pending and still inside its time limit. */
    public boolean isOpenAt(Instant now) {
        return isPending() && now.isBefore(expiresAt);
    }

    /** The driver may answer: pending and not yet expired; otherwise why not. */
    public void requireOpen(Instant now) {
        if (isOpenAt(now)) {
            return;
        }
        OfferStatus effective = isPending() ? OfferStatus.EXPIRED : status;
        throw switch (effective) {
            case EXPIRED -> new DriverRuleException("offer-expired", "The offer for order " + orderId + " expired at " + expiresAt);
            case DECLINED -> new DriverRuleException("offer-declined", "The offer for order " + orderId + " was declined");
            case WITHDRAWN -> new DriverRuleException("offer-withdrawn",
                    "The offer for order " + orderId + " was withdrawn (the order was cancelled)");
            case ACCEPTED -> new DriverRuleException("offer-accepted", "The offer for order " + orderId + " was accepted already");
            case PENDING -> new IllegalStateException();
        };
    }

    public void accept(Instant now) {
        requireOpen(now);
        close(OfferStatus.ACCEPTED, now);
    }

    public void decline(Instant now) {
        requireOpen(now);
        close(OfferStatus.DECLINED, now);
    }

    public void expire(Instant now) {
        close(OfferStatus.EXPIRED, now);
    }

    public void withdraw(Instant now) {
        close(OfferStatus.WITHDRAWN, now);
    }

    private void close(OfferStatus outcome, Instant now) {
        if (!isPending()) {
            throw new IllegalStateException("Offer " + id + " is " + status);
        }
        this.status = outcome;
        this.respondedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID driverId() {
        return driverId;
    }

    public OfferStatus status() {
        return status;
    }

    public int distanceMeters() {
        return distanceMeters;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }
}
