package com.delivery.tracking.api;

import com.delivery.tracking.app.OrderTracking;
import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Position;
import com.delivery.tracking.domain.Trip;
import java.time.Instant;
import java.util.UUID;

/** Response bodies of the tracking API. */
final class TrackingViews {

    private TrackingViews() {
    }

    /**
     * @param status      {@code ASSIGNED}, {@code IN_PROGRESS} or {@code ENDED}
     * @param destination the delivery address' position, from pickup on
     * @param location    the driver's current location while the trip is active ({@code null} if unknown or ended)
     * @param eta         the last ETA counted down to now ({@code null} before pickup)
     */
    record OrderTrackingView(UUID orderId, String status, UUID driverId, String driverName, String vehicleType,
            PointView destination, LocationView location, EtaView eta, String endReason) {

        static OrderTrackingView of(OrderTracking tracking) {
            Trip trip = tracking.trip();
            return new OrderTrackingView(trip.orderId(), trip.status().name(), trip.driverId(), trip.driverName(),
                    trip.vehicleType(), PointView.of(trip.destination()),
                    tracking.location() == null ? null : LocationView.of(tracking.location(), tracking.stale()),
                    tracking.eta() == null ? null : EtaView.of(tracking.eta()), trip.endReason());
        }
    }

    record PointView(double lat, double lng) {

        static PointView of(Position position) {
            return position == null ? null : new PointView(position.lat(), position.lng());
        }
    }

    /**
     * @param ts     when the device took the fix
     * @param stale  older than {@code tracking.stale-after} (30 s): shown, but not current
     */
    record LocationView(UUID driverId, UUID orderId, double lat, double lng, Double heading, Double speed,
            Double accuracy, Instant ts, Instant receivedAt, boolean stale) {

        static LocationView of(LocationFix fix, boolean stale) {
            return new LocationView(fix.driverId(), fix.orderId(), fix.lat(), fix.lng(), fix.heading(), fix.speed(),
                    fix.accuracy(), fix.recordedAt(), fix.receivedAt(), stale);
        }
    }

    /** @param source {@code google} or {@code estimate} */
    record EtaView(long etaSeconds, long distanceMeters, String source, Instant computedAt) {

        static EtaView of(Eta eta) {
            return new EtaView(eta.etaSeconds(), eta.distanceMeters(), eta.source().wireName(), eta.computedAt());
        }
    }

    record RoutePointView(double lat, double lng, Double heading, Double speed, Double accuracy, Instant ts) {

        static RoutePointView of(LocationFix fix) {
            return new RoutePointView(fix.lat(), fix.lng(), fix.heading(), fix.speed(), fix.accuracy(),
                    fix.recordedAt());
        }
    }

    record RouteView(UUID orderId, java.util.List<RoutePointView> points) {
    }

    /**
     * @param orderId   the trip the fix was broadcast to, {@code null} if none
     * @param published a {@code driver.location_updated} event was sent for this fix
     * @param tripEnded the order named has been delivered or cancelled: stored as the driver's location only
     */
    record ReportView(boolean accepted, UUID orderId, boolean published, boolean tripEnded, Instant ts) {
    }
}
