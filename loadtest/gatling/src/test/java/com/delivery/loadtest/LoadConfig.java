package com.delivery.loadtest;

import java.time.Duration;

/**
 * Every knob of the simulations, read from system properties ({@code -Dname=value} on the Maven command line;
 * the Gatling plugin passes them on to the simulation JVM).
 *
 * <p>Through an ingress one {@code baseUrl} reaches every REST service; against local processes or docker compose
 * each service keeps its own port, which the per-service URLs default to.
 */
final class LoadConfig {

    private LoadConfig() {
    }

    static final String BASE_URL = System.getProperty("baseUrl", "");
    static final String USER_URL = url("userUrl", 3001);
    static final String ORDER_URL = url("orderUrl", 3002);
    static final String VENDOR_URL = url("vendorUrl", 3003);
    static final String PAYMENT_URL = url("paymentUrl", 3005);
    /** Socket.io gateway of tracking-service, ws:// or wss:// (through the ingress: wss://realtime-tracking.&lt;domain&gt;). */
    static final String TRACKING_WS_URL = System.getProperty("trackingWsUrl", "ws://localhost:3106");

    static final Duration DURATION = Duration.ofSeconds(integer("durationSeconds", 300));
    static final Duration RAMP = Duration.ofSeconds(integer("rampSeconds", 60));

    static final double LAT = number("lat", 52.52);
    static final double LNG = number("lng", 13.405);
    static final double RADIUS_KM = number("radiusKm", 5);

    /** Each user is rate limited on its own (600/min by default): 1,000 orders/s need 100+ customers. */
    static final int CUSTOMERS = integer("customers", 200);
    static final int DRIVERS = integer("drivers", 50);
    static final String PASSWORD = System.getProperty("loadtestPassword", "Loadtest-Only-Pass-2026");
    static final String EMAIL_DOMAIN = System.getProperty("loadtestEmailDomain", "loadtest.delivery.example.com");

    static int integer(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    static double number(String name, double fallback) {
        return Double.parseDouble(System.getProperty(name, Double.toString(fallback)));
    }

    private static String url(String name, int localPort) {
        String fallback = BASE_URL.isEmpty() ? "http://localhost:" + localPort : BASE_URL;
        return System.getProperty(name, fallback);
    }

    static String describe(String simulation, String details) {
        return "%s: %s, ramp %ds, steady %ds".formatted(simulation, details, RAMP.toSeconds(), DURATION.toSeconds());
    }
}
