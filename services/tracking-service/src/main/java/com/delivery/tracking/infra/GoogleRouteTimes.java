package com.delivery.tracking.infra;

import com.delivery.tracking.app.RouteTimes;
import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.EtaSource;
import com.delivery.tracking.domain.Position;
import com.google.maps.DistanceMatrixApi;
import com.google.maps.DistanceMatrixApiRequest;
import com.google.maps.GeoApiContext;
import com.google.maps.errors.ApiException;
import com.google.maps.model.DistanceMatrix;
import com.google.maps.model.DistanceMatrixElement;
import com.google.maps.model.DistanceMatrixElementStatus;
import com.google.maps.model.Duration;
import com.google.maps.model.LatLng;
import com.google.maps.model.TrafficModel;
import com.google.maps.model.TravelMode;
import com.google.maps.model.Unit;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * ETAs from the Google Maps Distance Matrix API (google-maps-services). Driving modes ask for traffic
 * ({@code departure_time=now}, best guess) and use {@code duration_in_traffic} when Google gives it; bicycles ride
 * in {@code bicycling} mode. Retries are off: a failure falls back to the local estimate at once, and the next
 * computation comes with a later fix anyway.
 */
public class GoogleRouteTimes implements RouteTimes, AutoCloseable {

    private final GeoApiContext context;

    public GoogleRouteTimes(GeoApiContext context) {
        this.context = context;
    }

    @Override
    public void close() {
        context.shutdown();
    }

    @Override
    public Eta eta(UUID orderId, Position from, Position to, String vehicleType, Instant now) {
        DistanceMatrixApiRequest request = DistanceMatrixApi.newRequest(context)
                .origins(new LatLng(from.lat(), from.lng()))
                .destinations(new LatLng(to.lat(), to.lng()))
                .units(Unit.METRIC);
        if ("BICYCLE".equalsIgnoreCase(vehicleType)) {
            request.mode(TravelMode.BICYCLING);
        } else {
            request.mode(TravelMode.DRIVING).trafficModel(TrafficModel.BEST_GUESS);
            request.custom("departure_time", "now");
        }
        DistanceMatrix matrix;
        try {
            matrix = request.await();
        } catch (ApiException | IOException e) {
            throw new IllegalStateException("Distance Matrix failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the Distance Matrix", e);
        }
        if (matrix == null || matrix.rows == null || matrix.rows.length == 0 || matrix.rows[0].elements == null
                || matrix.rows[0].elements.length == 0) {
            throw new IllegalStateException("Distance Matrix answered without an element");
        }
        DistanceMatrixElement element = matrix.rows[0].elements[0];
        if (element.status != DistanceMatrixElementStatus.OK || element.distance == null || element.duration == null) {
            throw new IllegalStateException("Distance Matrix element status " + element.status);
        }
        Duration duration = element.durationInTraffic != null ? element.durationInTraffic : element.duration;
        return new Eta(orderId, Math.max(0, duration.inSeconds), Math.max(0, element.distance.inMeters),
                EtaSource.GOOGLE, now);
    }
}
