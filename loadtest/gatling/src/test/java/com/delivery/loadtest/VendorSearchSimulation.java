package com.delivery.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Vendor search at {@code rate} (default 5,000) requests per second, anonymous: 60% geo + text vendor search,
 * 25% menu item search, 15% autocomplete. Same thresholds as loadtest/k6/vendor-search.js.
 */
public class VendorSearchSimulation extends Simulation {

    private static final int RATE = LoadConfig.integer("rate", 5000);
    private static final String[] TERMS = {"pizza", "sushi", "burger", "pharmacy", "grocery", "vegan", "thai", "bakery", "salad", "coffee"};

    private final AtomicLong sequence = new AtomicLong();

    private final Iterator<Map<String, Object>> searches = Stream.generate(() -> {
        long i = sequence.getAndIncrement();
        String term = TERMS[(int) (i % TERMS.length)];
        return Map.<String, Object>of(
                "term", term,
                "prefix", term.substring(0, 2),
                // spread the centre a little so caches do not answer everything
                "lat", String.format(Locale.ROOT, "%.5f", LoadConfig.LAT + ((i % 21) - 10) * 0.002),
                "lng", String.format(Locale.ROOT, "%.5f", LoadConfig.LNG + ((i % 17) - 8) * 0.002),
                "radiusKm", LoadConfig.RADIUS_KM);
    }).iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadConfig.VENDOR_URL)
            .acceptHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder search = scenario("vendor search")
            .feed(searches)
            .randomSwitch().on(
                    percent(60.0).then(exec(http("vendor search").get("/api/v1/vendors/search")
                            .queryParam("q", "#{term}").queryParam("lat", "#{lat}").queryParam("lng", "#{lng}")
                            .queryParam("radiusKm", "#{radiusKm}").queryParam("size", "20")
                            .check(status().is(200)))),
                    percent(25.0).then(exec(http("menu item search").get("/api/v1/menu-items/search")
                            .queryParam("q", "#{term}").queryParam("lat", "#{lat}").queryParam("lng", "#{lng}")
                            .queryParam("radiusKm", "#{radiusKm}").queryParam("availableOnly", "true")
                            .check(status().is(200)))),
                    percent(15.0).then(exec(http("autocomplete").get("/api/v1/vendors/autocomplete")
                            .queryParam("prefix", "#{prefix}")
                            .check(status().is(200)))));

    {
        System.out.println(LoadConfig.describe("vendor search", RATE + " requests/s against " + LoadConfig.VENDOR_URL));
        setUp(search.injectOpen(
                rampUsersPerSec(Math.max(1, RATE / 10.0)).to(RATE).during(LoadConfig.RAMP),
                constantUsersPerSec(RATE).during(LoadConfig.DURATION)))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().responseTime().percentile(50.0).lt(100),
                        global().responseTime().percentile(95.0).lt(250),
                        global().responseTime().percentile(99.0).lt(500),
                        details("autocomplete").responseTime().percentile(99.0).lt(200));
    }
}
