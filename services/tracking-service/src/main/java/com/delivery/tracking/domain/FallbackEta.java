package com.delivery.tracking.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The local ETA when Google Maps cannot answer: great-circle distance times a road factor (streets are not
 * straight), at the average speed of the vehicle type.
 *
 * @param roadFactor     road distance per great-circle distance, e.g. 1.3 in a city
 * @param speedsKmh      average speed per vehicle type ({@code BICYCLE}, {@code CAR}, ...)
 * @param defaultSpeedKmh for a vehicle type not in {@code speedsKmh} (or none known)
 */
public record FallbackEta(double roadFactor, Map<String, Double> speedsKmh, double defaultSpeedKmh) {

    public FallbackEta {
        if (roadFactor < 1 || defaultSpeedKmh <= 0) {
            throw new IllegalArgumentException("road factor must be at least 1 and the default speed positive");
        }
        speedsKmh = Map.copyOf(speedsKmh);
        speedsKmh.values().forEach(speed -> {
            if (speed == null || speed <= 0) {
                throw new IllegalArgumentException("vehicle speeds must be positive");
            }
        });
    }

    public double speedKmh(String vehicleType) {
        if (vehicleType == null) {
            return defaultSpeedKmh;
        }
        return speedsKmh.getOrDefault(vehicleType.toUpperCase(Locale.ROOT), defaultSpeedKmh);
    }

    public Eta estimate(UUID orderId, Position from, Position to, String vehicleType, Instant now) {
        double roadMeters = from.distanceMeters(to) * roadFactor;
        double metersPerSecond = speedKmh(vehicleType) / 3.6;
        return new Eta(orderId, Math.round(roadMeters / metersPerSecond), Math.round(roadMeters), EtaSource.ESTIMATE, now);
    }
}
