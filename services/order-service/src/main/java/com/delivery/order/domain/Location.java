package com.delivery.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The vendor's pickup point, as the quote gave it. */
@Embeddable
public record Location(
        @Column(name = "vendor_lat", nullable = false) double lat,
        @Column(name = "vendor_lng", nullable = false) double lng) {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** Great-circle distance in metres (haversine); the checkout's estimate of the delivery distance. */
    public int metersTo(double otherLat, double otherLng) {
        double dLat = Math.toRadians(otherLat - lat);
        double dLng = Math.toRadians(otherLng - lng);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(otherLat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return (int) Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a))));
    }
}
