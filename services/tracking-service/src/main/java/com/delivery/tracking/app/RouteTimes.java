package com.delivery.tracking.app;

import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.Position;
import java.time.Instant;
import java.util.UUID;

/** A routing service that knows real roads and traffic (Google Maps Distance Matrix). */
public interface RouteTimes {

    /**
     * @throws RuntimeException on any failure (no key, error status, timeout, no route): the caller falls back to
     *                          the local estimate
     */
    Eta eta(UUID orderId, Position from, Position to, String vehicleType, Instant now);

    /** For the single-instance case of no key configured. */
    static RouteTimes none() {
        return (orderId, from, to, vehicleType, now) -> {
            throw new IllegalStateException("No Google Maps API key configured");
        };
    }
}
