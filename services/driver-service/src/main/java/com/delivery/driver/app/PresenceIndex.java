package com.delivery.driver.app;

import com.delivery.driver.domain.GeoPosition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where online drivers are (a GEO index) and whether they are still alive (a heartbeat per driver that lapses
 * after {@code driver.presence.heartbeat-ttl}). A driver is <em>fresh</em> while their heartbeat has not lapsed.
 */
public interface PresenceIndex {

    /** Puts the driver into the index with a new heartbeat. */
    void markOnline(UUID driverId, GeoPosition at, Instant seenAt);

    /**
     * Moves an online driver and renews their heartbeat, as long as it has not lapsed; a fix older than the one
     * already known does not move them back.
     */
    Refresh refresh(UUID driverId, GeoPosition at, Instant seenAt, Instant now);

    /** Takes the driver out of the index. */
    void markOffline(UUID driverId);

    /** Fresh drivers within the radius, nearest first. */
    List<Sighting> near(GeoPosition center, double radiusKm, int limit, Instant now);

    /** Every fresh driver. */
    Set<UUID> freshDrivers(Instant now);

    boolean isFresh(UUID driverId, Instant now);

    /** Removes the drivers whose heartbeat lapsed, each atomically re-checked; returns them with their last sign of life. */
    List<Eviction> evictStale(Instant now);

    enum Refresh {
        /** Position and heartbeat renewed. */
        REFRESHED,
        /** A newer fix is already known; the heartbeat stays as it is. */
        OUTDATED,
        /** The driver is not online (never was, went offline, or their heartbeat lapsed). */
        NOT_ONLINE
    }

    record Sighting(UUID driverId, double distanceMeters, GeoPosition position) {
    }

    /** @param lastSeen last sign of life, empty if unknown */
    record Eviction(UUID driverId, Optional<Instant> lastSeen) {
    }
}
