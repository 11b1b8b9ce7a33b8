package com.delivery.tracking.app;

import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Trip;
import com.delivery.tracking.domain.Trips;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A driver on a trip who stops reporting is not silently shown where they were: once their last fix is older than
 * {@code tracking.stale-after}, the order's room gets that location again, once, flagged {@code stale:true}. The
 * next fix clears it ({@code stale:false}). Each order is claimed by one instance only.
 */
@Component
public class StaleLocations {

    private static final Logger log = LoggerFactory.getLogger(StaleLocations.class);
    private static final int BATCH = 500;

    private final StaleWatch watch;
    private final Trips trips;
    private final CurrentLocations current;
    private final TrackingPush push;
    private final Clock clock;
    private final Duration staleAfter;

    StaleLocations(StaleWatch watch, Trips trips, CurrentLocations current, TrackingPush push, Clock clock,
            TrackingProperties properties) {
        this.watch = watch;
        this.trips = trips;
        this.current = current;
        this.push = push;
        this.clock = clock;
        this.staleAfter = properties.staleAfter();
    }

    @Scheduled(fixedDelayString = "${tracking.stale-check-interval:5s}", initialDelayString = "${tracking.stale-check-interval:5s}")
    public void flagSilentDrivers() {
        try {
            Instant now = clock.instant();
            List<UUID> orders = watch.claimOlderThan(now.minus(staleAfter), BATCH);
            for (UUID orderId : orders) {
                Optional<Trip> trip = trips.find(orderId).filter(Trip::isActive);
                Optional<LocationFix> fix = trip.flatMap(t -> Optional.ofNullable(t.driverId())).flatMap(current::find);
                if (fix.isPresent() && fix.get().isStale(now, staleAfter)) {
                    push.driverLocation(orderId, fix.get(), true);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Stale location check failed: {}", e.toString());
        }
    }
}
