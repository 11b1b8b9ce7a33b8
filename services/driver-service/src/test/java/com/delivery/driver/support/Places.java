package com.delivery.driver.support;

import com.delivery.driver.domain.GeoPosition;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Positions for tests. Every test works in its own random spot on the globe, far from every other test's drivers
 * (Redis GEO and the drivers table are shared by all tests and all runs), and places people relative to it.
 */
public final class Places {

    private static final double METERS_PER_DEGREE = 111_320;

    private Places() {
    }

    /** A random place between 55°S and 55°N, away from the date line. */
    public static GeoPosition somewhereRemote() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new GeoPosition(round(random.nextDouble(-55, 55)), round(random.nextDouble(-170, 170)));
    }

    /** The place {@code northMeters} north and {@code eastMeters} east of {@code from}. */
    public static GeoPosition offset(GeoPosition from, double northMeters, double eastMeters) {
        double lat = from.lat() + northMeters / METERS_PER_DEGREE;
        double lng = from.lng() + eastMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(from.lat())));
        return new GeoPosition(lat, lng);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000) / 1_000_000.0;
    }
}
