package com.delivery.tracking.app;

import com.delivery.tracking.domain.FixRules;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.LocationRejectedException;
import com.delivery.tracking.domain.Position;
import com.delivery.tracking.domain.Rejection;
import com.delivery.tracking.domain.Trip;
import com.delivery.tracking.domain.Trips;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A driver's position report, from the socket or REST alike: checked (role, assignment, ranges, time, jumps),
 * stored as the current location (Redis) and in the history (MongoDB), published as a throttled
 * {@code driver.location_updated}, and pushed to the order's room with an ETA. A refused report changes nothing.
 */
@Service
public class LocationTracking {

    private static final Logger log = LoggerFactory.getLogger(LocationTracking.class);

    private final Trips trips;
    private final CurrentLocations current;
    private final LocationHistory history;
    private final LocationEvents events;
    private final Throttle throttle;
    private final TrackingPush push;
    private final StaleWatch staleWatch;
    private final EtaUpdates etas;
    private final Clock clock;
    private final FixRules rules;
    private final Duration publishInterval;
    private final Duration locationTtl;

    LocationTracking(Trips trips, CurrentLocations current, LocationHistory history, LocationEvents events,
            Throttle throttle, TrackingPush push, StaleWatch staleWatch, EtaUpdates etas, Clock clock,
            TrackingProperties properties) {
        this.trips = trips;
        this.current = current;
        this.history = history;
        this.events = events;
        this.throttle = throttle;
        this.push = push;
        this.staleWatch = staleWatch;
        this.etas = etas;
        this.clock = clock;
        this.rules = properties.validation().rules();
        this.publishInterval = properties.publishInterval();
        this.locationTtl = properties.locationTtl();
    }

    /** @throws LocationRejectedException with the reason when the report is refused (nothing is stored then) */
    public ReportResult report(Viewer driver, LocationReport report) {
        if (!driver.isDriver()) {
            throw new LocationRejectedException(Rejection.NOT_A_DRIVER, "Only drivers report locations");
        }
        Instant now = clock.instant();
        Position position = rules.checkRanges(report.lat(), report.lng(), report.heading(), report.speed(),
                report.accuracy());
        Instant recordedAt = Timestamps.parse(report.ts());
        Trip trip = tripOf(driver.id(), report.orderId());
        boolean tripEnded = trip != null && !trip.isActive();
        UUID orderId = trip != null && trip.isActive() ? trip.orderId() : null;

        LocationFix fix = new LocationFix(driver.id(), orderId, position, report.heading(), report.speed(),
                report.accuracy(), recordedAt, now);
        rules.checkAgainst(fix, current.find(driver.id()).orElse(null), now);
        if (!current.saveIfNewer(fix, locationTtl)) {
            throw new LocationRejectedException(Rejection.OUT_OF_ORDER, "A newer location of this driver is stored");
        }
        history.append(fix);
        boolean published = throttle.tryAcquire("publish:" + driver.id(), publishInterval);
        if (published) {
            events.publish(fix);
        }
        if (orderId != null) {
            push.driverLocation(orderId, fix, false);
            staleWatch.watch(orderId, recordedAt);
            try {
                etas.onFix(trip, fix);
            } catch (RuntimeException e) {
                log.warn("No ETA for order {}: {}", orderId, e.toString());
            }
        }
        return new ReportResult(fix, tripEnded, published);
    }

    /** The named order, which the driver must be assigned to; without one, the driver's active trip if any. */
    private Trip tripOf(UUID driverId, UUID orderId) {
        if (orderId == null) {
            return trips.activeTripOf(driverId).orElse(null);
        }
        return trips.find(orderId).filter(trip -> trip.isDrivenBy(driverId))
                .orElseThrow(() -> new LocationRejectedException(Rejection.NOT_ASSIGNED,
                        "You are not the assigned driver of order " + orderId));
    }
}
