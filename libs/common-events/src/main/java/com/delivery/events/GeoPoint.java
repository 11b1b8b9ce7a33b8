package com.delivery.events;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double lat, double lng) {

    public GeoPoint {
        Checks.coordinates(lat, lng);
    }
}
