package com.delivery.tracking.app;

import com.delivery.kit.web.ApiException;
import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Position;
import com.delivery.tracking.domain.Trip;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads for the REST API; stale locations are returned flagged, never hidden. */
@Service
public class TrackingQueries {

    private final OrderAccess access;
    private final CurrentLocations current;
    private final LocationHistory history;
    private final EtaStore etas;
    private final Clock clock;
    private final Duration staleAfter;
    private final int routeLimit;

    TrackingQueries(OrderAccess access, CurrentLocations current, LocationHistory history, EtaStore etas, Clock clock,
            TrackingProperties properties) {
        this.access = access;
        this.current = current;
        this.history = history;
        this.etas = etas;
        this.clock = clock;
        this.staleAfter = properties.staleAfter();
        this.routeLimit = properties.history().routeLimit();
    }

    public OrderTracking order(Viewer viewer, UUID orderId) {
        Trip trip = access.requireWatchable(viewer, orderId);
        Instant now = clock.instant();
        LocationFix location = trip.isActive() && trip.driverId() != null
                ? current.find(trip.driverId()).orElse(null) : null;
        Eta eta = trip.destination() == null ? null : etas.find(orderId).map(e -> e.asOf(now)).orElse(null);
        return new OrderTracking(trip, location, location != null && location.isStale(now, staleAfter), eta);
    }

    public List<LocationFix> route(Viewer viewer, UUID orderId) {
        access.requireWatchable(viewer, orderId);
        return history.route(orderId, routeLimit);
    }

    /** The driver themself or an admin; 404 when the driver has no current location (silent for 5 minutes). */
    public LocationFix driver(Viewer viewer, UUID driverId) {
        if (!viewer.isAdmin() && !viewer.id().equals(driverId)) {
            throw ApiException.forbidden("Only the driver or an admin may see this location");
        }
        return current.find(driverId).orElseThrow(() -> ApiException.notFound("Current location of driver", driverId));
    }

    public boolean isStale(LocationFix fix) {
        return fix.isStale(clock.instant(), staleAfter);
    }

    /** Admins: drivers with a current location near a point, nearest first. */
    public List<LocationFix> nearby(Viewer viewer, Position center, double radiusMeters, int limit) {
        if (!viewer.isAdmin()) {
            throw ApiException.forbidden("Only admins may search drivers by location");
        }
        return current.near(center, radiusMeters, limit);
    }
}
