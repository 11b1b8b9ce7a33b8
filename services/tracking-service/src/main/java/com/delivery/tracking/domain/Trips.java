package com.delivery.tracking.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The trip registry. Every write is an idempotent upsert keyed by order id: applying an event twice, or events in
 * any order, ends in the same state. Assignment changes are ordered by the events' own time ({@code at}), so a late
 * duplicate of an old assignment does not override a newer one.
 */
public interface Trips {

    Optional<Trip> find(UUID orderId);

    /** The trip a driver is on now (assigned or in progress), if any. */
    Optional<Trip> activeTripOf(UUID driverId);

    void assigned(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, String driverName, String vehicleType,
            Instant at);

    void pickedUp(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, Position destination, Instant at);

    /** The named driver dropped out; the trip has no driver until the next assignment. */
    void driverWithdrew(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, Instant at);

    void ended(UUID orderId, UUID customerId, UUID vendorId, String reason, Instant at);
}
