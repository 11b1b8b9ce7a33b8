package com.delivery.driver.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The search for a driver for one confirmed order. The search radius starts at the first step and grows one step
 * each time a search round finds nobody; after {@code giveUpAfter} without an acceptance the order is reported
 * unavailable.
 */
@Entity
@Table(name = "matching_jobs")
public class MatchingJob {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Column(name = "vendor_name")
    private String vendorName;

    @Column(name = "pickup_lat")
    private Double pickupLat;

    @Column(name = "pickup_lng")
    private Double pickupLng;

    @Column(name = "dropoff_lat")
    private Double dropoffLat;

    @Column(name = "dropoff_lng")
    private Double dropoffLng;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MatchingStatus status;

    @Column(name = "radius_step", nullable = false)
    private int radiusStep;

    @Column(name = "offers_made", nullable = false)
    private int offersMade;

    @Column(name = "driver_id")
    private UUID driverId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected MatchingJob() {
    }

    private MatchingJob(UUID orderId, UUID customerId, UUID vendorId, MatchingStatus status, Instant now,
            String correlationId) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.vendorId = vendorId;
        this.status = status;
        this.startedAt = now;
        this.nextAttemptAt = now;
        this.updatedAt = now;
        this.correlationId = correlationId;
    }

    /** A confirmed order: searching starts at once. */
    public static MatchingJob start(UUID orderId, UUID customerId, UUID vendorId, String vendorName,
            GeoPosition pickup, GeoPosition dropoff, Instant now, String correlationId) {
        MatchingJob job = new MatchingJob(orderId, customerId, vendorId, MatchingStatus.SEARCHING, now, correlationId);
        job.vendorName = vendorName;
        job.pickupLat = pickup.lat();
        job.pickupLng = pickup.lng();
        job.dropoffLat = dropoff.lat();
        job.dropoffLng = dropoff.lng();
        return job;
    }

    /** An order cancelled before its confirmation reached us: remembered so that matching never starts for it. */
    public static MatchingJob cancelledBeforeConfirmation(UUID orderId, UUID customerId, UUID vendorId, Instant now,
            String correlationId) {
        return new MatchingJob(orderId, customerId, vendorId, MatchingStatus.CANCELLED, now, correlationId);
    }

    public boolean isDue(Instant now) {
        return status.isActive() && !nextAttemptAt.isAfter(now);
    }

    public boolean shouldGiveUp(Instant now, Duration giveUpAfter) {
        return !now.isBefore(startedAt.plus(giveUpAfter));
    }

    /** The radius of the current search round, in km. */
    public double radiusKm(List<Double> stepsKm) {
        return stepsKm.get(Math.min(radiusStep, stepsKm.size() - 1));
    }

    public void offered(UUID driverId, Instant expiresAt, Instant now) {
        requireActive();
        this.status = MatchingStatus.OFFERED;
        this.driverId = driverId;
        this.offersMade++;
        this.nextAttemptAt = expiresAt;
        this.updatedAt = now;
    }

    /** The pending offer ended without acceptance (declined, expired): look for the next driver now. */
    public void searchAgain(Instant now) {
        requireActive();
        this.status = MatchingStatus.SEARCHING;
        this.driverId = null;
        this.nextAttemptAt = now;
        this.updatedAt = now;
    }

    /** Nobody available within the radius: widen it by a step (up to the last) and look again after a pause. */
    public void nobodyInRange(int lastStep, Duration pause, Instant now) {
        requireActive();
        this.radiusStep = Math.min(radiusStep + 1, lastStep);
        this.nextAttemptAt = now.plus(pause);
        this.updatedAt = now;
    }

    /**
     * A driver in range could not be asked because a concurrent decision about them (another order's offer, an
     * acceptance) held them too long: look again after {@code pause} within the same radius, since somebody may
     * well be free there.
     */
    public void contended(Duration pause, Instant now) {
        requireActive();
        this.nextAttemptAt = now.plus(pause);
        this.updatedAt = now;
    }

    /** Look again now (e.g. the order is ready for pickup); a search that gave up starts over. */
    public boolean nudge(Instant now) {
        if (status == MatchingStatus.UNAVAILABLE) {
            status = MatchingStatus.SEARCHING;
            startedAt = now;
            radiusStep = 0;
        } else if (!status.isActive()) {
            return false;
        }
        if (status == MatchingStatus.SEARCHING) {
            nextAttemptAt = now;
        }
        updatedAt = now;
        return true;
    }

    public void assigned(UUID driverId, Instant now) {
        if (status != MatchingStatus.OFFERED) {
            throw new DriverRuleException("offer-not-pending", "Order " + orderId + " is " + status);
        }
        this.status = MatchingStatus.ASSIGNED;
        this.driverId = driverId;
        this.updatedAt = now;
    }

    /** Gives up; the reason for {@code driver.unavailable}. */
    public String gaveUp(Instant now) {
        requireActive();
        this.status = MatchingStatus.UNAVAILABLE;
        this.driverId = null;
        this.updatedAt = now;
        return offersMade == 0 ? "NO_DRIVER_AVAILABLE" : "ALL_OFFERS_DECLINED";
    }

    public void cancelled(Instant now) {
        this.status = MatchingStatus.CANCELLED;
        this.updatedAt = now;
    }

    private void requireActive() {
        if (!status.isActive()) {
            throw new IllegalStateException("Matching of order " + orderId + " is " + status);
        }
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public String vendorName() {
        return vendorName;
    }

    public GeoPosition pickup() {
        return pickupLat == null ? null : new GeoPosition(pickupLat, pickupLng);
    }

    public GeoPosition dropoff() {
        return dropoffLat == null ? null : new GeoPosition(dropoffLat, dropoffLng);
    }

    public MatchingStatus status() {
        return status;
    }

    public int radiusStep() {
        return radiusStep;
    }

    public int offersMade() {
        return offersMade;
    }

    public UUID driverId() {
        return driverId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String correlationId() {
        return correlationId;
    }
}
