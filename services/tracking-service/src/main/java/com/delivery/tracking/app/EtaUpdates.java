package com.delivery.tracking.app;

import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.FallbackEta;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Trip;
import com.delivery.tracking.domain.Trips;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * ETAs of trips in progress. A fix computes a new ETA at most once per order per {@code tracking.eta.throttle}
 * (shared across instances): through Google Maps, or with the local estimate when there is no key, Google fails or
 * times out. Computation runs off the caller's thread; the result is stored and pushed as {@code eta:update}. Fixes
 * in between push the last ETA counted down, so every fix is followed by an ETA.
 */
@Service
public class EtaUpdates {

    private static final Logger log = LoggerFactory.getLogger(EtaUpdates.class);

    private final RouteTimes google;
    private final EtaStore store;
    private final Throttle throttle;
    private final TrackingPush push;
    private final Trips trips;
    private final Clock clock;
    private final Duration interval;
    private final FallbackEta fallback;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    EtaUpdates(RouteTimes google, EtaStore store, Throttle throttle, TrackingPush push, Trips trips, Clock clock,
            TrackingProperties properties) {
        this.google = google;
        this.store = store;
        this.throttle = throttle;
        this.push = push;
        this.trips = trips;
        this.clock = clock;
        this.interval = properties.eta().throttle();
        this.fallback = properties.eta().fallback();
    }

    /** After a fix of a trip's driver was accepted. */
    public void onFix(Trip trip, LocationFix fix) {
        if (trip.destination() == null) {
            return; // not picked up yet: the destination is unknown
        }
        if (throttle.tryAcquire("eta:" + trip.orderId(), interval)) {
            workers.execute(() -> computeAndPush(trip, fix));
            return;
        }
        Optional<Eta> last = store.find(trip.orderId());
        last.ifPresent(eta -> push.eta(eta.asOf(clock.instant())));
    }

    /** Computes now, whatever the throttle says; returns the stored result. */
    public Eta compute(Trip trip, LocationFix fix) {
        Instant now = clock.instant();
        Eta eta;
        try {
            eta = google.eta(trip.orderId(), fix.position(), trip.destination(), trip.vehicleType(), now);
        } catch (RuntimeException e) {
            log.info("Google ETA unavailable for order {}, using the local estimate: {}", trip.orderId(), e.toString());
            eta = fallback.estimate(trip.orderId(), fix.position(), trip.destination(), trip.vehicleType(), now);
        }
        store.save(eta);
        return eta;
    }

    private void computeAndPush(Trip trip, LocationFix fix) {
        try {
            Eta eta = compute(trip, fix);
            // the trip may have ended while Google was thinking
            if (trips.find(trip.orderId()).map(Trip::isActive).orElse(false)) {
                push.eta(eta);
            }
        } catch (RuntimeException e) {
            log.warn("ETA update failed for order {}: {}", trip.orderId(), e.toString());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
