package com.delivery.tracking.domain;

/** A WGS84 position in decimal degrees. */
public record Position(double lat, double lng) {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** The live index (Redis GEO, Web Mercator) holds latitudes up to this far from the equator, no further. */
    public static final double MAX_TRACKED_LATITUDE = 85.05112878;

    public Position {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be between -90 and 90, was " + lat);
        }
        if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw new IllegalArgumentException("lng must be between -180 and 180, was " + lng);
        }
    }

    public static boolean valid(Double lat, Double lng) {
        return lat != null && lng != null && Double.isFinite(lat) && Double.isFinite(lng)
                && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
    }

    /** Whether the live index can hold the position (not in the polar regions beyond ±85.05112878°). */
    public boolean trackable() {
        return Math.abs(lat) <= MAX_TRACKED_LATITUDE;
    }

    /** Great-circle (haversine) distance in metres. */
    public double distanceMeters(Position other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = Math.toRadians(other.lat - lat);
        double dLambda = Math.toRadians(other.lng - lng);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
