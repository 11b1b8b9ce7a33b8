package com.delivery.tracking.infra;

import com.delivery.realtime.SocketGateway;
import com.delivery.tracking.app.TrackingPush;
import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Pushes through the tracking gateway, which fans out to the other instances through Redis:
 * <ul>
 *   <li>{@code driver:location {orderId, driverId, lat, lng, heading, speed, accuracy, ts, stale}} to {@code order:<id>}</li>
 *   <li>{@code eta:update {orderId, etaSeconds, distanceMeters, source, computedAt}} to {@code order:<id>}</li>
 *   <li>{@code location:error {code, error}} to {@code driver:<id>}</li>
 * </ul>
 * A push that fails is logged: the state is stored, and a client catches up with its next event or a REST read.
 */
@Component
class SocketTrackingPush implements TrackingPush {

    static final String DRIVER_LOCATION = "driver:location";
    static final String ETA_UPDATE = "eta:update";
    static final String LOCATION_ERROR = "location:error";
    private static final Logger log = LoggerFactory.getLogger(SocketTrackingPush.class);

    private final ObjectProvider<SocketGateway> gateway;

    SocketTrackingPush(ObjectProvider<SocketGateway> gateway) {
        this.gateway = gateway;
    }

    @Override
    public void driverLocation(UUID orderId, LocationFix fix, boolean stale) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId.toString());
        payload.put("driverId", fix.driverId().toString());
        payload.put("lat", fix.lat());
        payload.put("lng", fix.lng());
        payload.put("heading", fix.heading());
        payload.put("speed", fix.speed());
        payload.put("accuracy", fix.accuracy());
        payload.put("ts", fix.recordedAt().toString());
        payload.put("stale", stale);
        send(TrackingRooms.order(orderId), DRIVER_LOCATION, payload);
    }

    @Override
    public void eta(Eta eta) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", eta.orderId().toString());
        payload.put("etaSeconds", eta.etaSeconds());
        payload.put("distanceMeters", eta.distanceMeters());
        payload.put("source", eta.source().wireName());
        payload.put("computedAt", eta.computedAt().toString());
        send(TrackingRooms.order(eta.orderId()), ETA_UPDATE, payload);
    }

    @Override
    public void rejected(UUID driverId, Rejection reason, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", reason.code());
        payload.put("error", message);
        send(TrackingRooms.driver(driverId), LOCATION_ERROR, payload);
    }

    private void send(String room, String event, Map<String, Object> payload) {
        SocketGateway sockets = gateway.getIfAvailable();
        if (sockets == null) {
            return;
        }
        try {
            sockets.broadcast(room, event, payload);
        } catch (RuntimeException e) {
            log.warn("Push failed room={} event={}: {}", room, event, e.toString());
        }
    }
}
