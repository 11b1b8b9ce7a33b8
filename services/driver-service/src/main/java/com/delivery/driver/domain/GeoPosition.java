package com.delivery.driver.domain;

/** A WGS84 position in decimal degrees. */
public record GeoPosition(double lat, double lng) {

    /** The presence index (Redis GEO, Web Mercator) holds latitudes up to this far from the equator, no further. */
    public static final double MAX_INDEXED_LATITUDE = 85.05112878;

    public GeoPosition {
        if (lat < -90 || lat > 90 || Double.isNaN(lat)) {
            throw new InvalidDriverInputException("lat", "lat must be between -90 and 90, was " + lat);
        }
        if (lng < -180 || lng > 180 || Double.isNaN(lng)) {
            throw new InvalidDriverInputException("lng", "lng must be between -180 and 180, was " + lng);
        }
    }

    /** Whether the presence index can hold the position (not in the polar regions beyond ±85.05112878°). */
    public boolean indexable() {
        return Math.abs(lat) <= MAX_INDEXED_LATITUDE;
    }
}
