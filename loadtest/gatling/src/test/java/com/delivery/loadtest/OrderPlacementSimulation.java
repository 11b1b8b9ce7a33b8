package com.delivery.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Order placement at {@code rate} (default 1,000) checkouts per second: POST /api/v1/orders by a pool of customers,
 * each with its own Idempotency-Key. Same thresholds as loadtest/k6/order-placement.js.
 */
public class OrderPlacementSimulation extends Simulation {

    private static final int RATE = LoadConfig.integer("rate", 1000);

    private final List<String> customers = Fixtures.users("CUSTOMER", LoadConfig.CUSTOMERS);
    private final List<Fixtures.Vendor> vendors = Fixtures.orderableItems();
    private final AtomicLong sequence = new AtomicLong();

    private final Iterator<Map<String, Object>> checkouts = Stream.generate(() -> {
        long i = sequence.getAndIncrement();
        return Map.<String, Object>of(
                "token", customers.get((int) (i % customers.size())),
                "body", Fixtures.orderBody(vendors.get((int) (i % vendors.size())), i),
                "idempotencyKey", UUID.randomUUID().toString());
    }).iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadConfig.ORDER_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder checkout = scenario("order placement")
            .feed(checkouts)
            .exec(http("POST /api/v1/orders").post("/api/v1/orders")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{idempotencyKey}")
                    .body(StringBody("#{body}"))
                    .check(status().is(201), jsonPath("$.status").is("PENDING_PAYMENT")));

    {
        System.out.println(LoadConfig.describe("order placement", RATE + " orders/s against " + LoadConfig.ORDER_URL));
        setUp(checkout.injectOpen(
                rampUsersPerSec(Math.max(1, RATE / 10.0)).to(RATE).during(LoadConfig.RAMP),
                constantUsersPerSec(RATE).during(LoadConfig.DURATION)))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().responseTime().percentile(50.0).lt(200),
                        global().responseTime().percentile(95.0).lt(500),
                        global().responseTime().percentile(99.0).lt(1000));
    }
}
