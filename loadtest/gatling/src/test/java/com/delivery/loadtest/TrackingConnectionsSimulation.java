package com.delivery.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code connections} (default 10,000) concurrent Socket.io connections to the tracking gateway over the WebSocket
 * transport (Engine.IO v4): customers hold their socket and answer pings; a share of drivers
 * ({@code driverShare}, default 0.1) emit {@code location:update} every {@code updateSeconds}.
 * Same thresholds as loadtest/k6/tracking-connections.js.
 */
public class TrackingConnectionsSimulation extends Simulation {

    private static final int CONNECTIONS = LoadConfig.integer("connections", 10_000);
    private static final double DRIVER_SHARE = LoadConfig.number("driverShare", 0.1);
    private static final int HOLD_SECONDS = LoadConfig.integer("holdSeconds", 120);
    private static final int UPDATE_SECONDS = LoadConfig.integer("updateSeconds", 4);
    /** netty-socketio pings every 25 s by default: wait a little longer for each ping */
    private static final int PING_WAIT_SECONDS = LoadConfig.integer("pingWaitSeconds", 35);

    private final List<String> customers = Fixtures.users("CUSTOMER", LoadConfig.CUSTOMERS);
    private final List<String> drivers = Fixtures.users("DRIVER", LoadConfig.DRIVERS);
    private final AtomicLong sequence = new AtomicLong();

    private Iterator<Map<String, Object>> tokens(List<String> pool) {
        return Stream.generate(() -> Map.<String, Object>of("token", pool.get((int) (sequence.getAndIncrement() % pool.size()))))
                .iterator();
    }

    private final HttpProtocolBuilder protocol = http
            .wsBaseUrl(LoadConfig.TRACKING_WS_URL)
            .wsReconnect().wsMaxReconnects(0);

    /** Engine.IO open, then Socket.io CONNECT with the token as auth payload, acknowledged by "40{...}". */
    private static ChainBuilder connect() {
        return exec(ws("engine.io open").connect("/socket.io/?EIO=4&transport=websocket")
                        .header("Authorization", "Bearer #{token}")
                        .await(10).on(ws.checkTextMessage("open packet").check(regex("^0\\{.*\"sid\".*").exists())))
                .exec(ws("socket.io connect").sendText("40{\"token\":\"#{token}\"}")
                        .await(10).on(ws.checkTextMessage("connect ack").check(regex("^40.*").exists())));
    }

    private final ScenarioBuilder viewers = scenario("customers watching")
            .feed(tokens(customers))
            .exec(connect())
            // answer each server ping ("2") with a pong ("3") while holding the connection
            .during(HOLD_SECONDS).on(
                    exec(ws("ping/pong").sendText("3")
                            .await(PING_WAIT_SECONDS).on(ws.checkTextMessage("ping").matching(regex("^2$")).check(regex("^2$").exists()))))
            .exec(ws("close").close());

    private final ScenarioBuilder driving = scenario("drivers reporting")
            .feed(tokens(drivers))
            .exec(connect())
            .during(HOLD_SECONDS).on(
                    exec(session -> session.set("update", locationUpdate()))
                            .exec(ws("location:update").sendText("42[\"location:update\",#{update}]"))
                            .exec(ws("keep-alive").sendText("3"))
                            .pause(UPDATE_SECONDS))
            .exec(ws("close").close());

    private static String locationUpdate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT,
                "{\"lat\":%.6f,\"lng\":%.6f,\"heading\":%d,\"speed\":%.1f,\"accuracy\":8,\"ts\":\"%s\"}",
                LoadConfig.LAT + (random.nextDouble() - 0.5) * 0.02, LoadConfig.LNG + (random.nextDouble() - 0.5) * 0.02,
                random.nextInt(360), 6 + random.nextDouble() * 6, Instant.now());
    }

    {
        int driverConnections = (int) Math.round(CONNECTIONS * DRIVER_SHARE);
        int viewerConnections = CONNECTIONS - driverConnections;
        System.out.println(LoadConfig.describe("tracking connections",
                "%d concurrent sockets (%d drivers) against %s, each held %ds".formatted(
                        CONNECTIONS, driverConnections, LoadConfig.TRACKING_WS_URL, HOLD_SECONDS)));
        setUp(
                viewers.injectClosed(
                        rampConcurrentUsers(0).to(viewerConnections).during(LoadConfig.RAMP),
                        constantConcurrentUsers(viewerConnections).during(LoadConfig.DURATION)),
                driving.injectClosed(
                        rampConcurrentUsers(0).to(Math.max(driverConnections, 0)).during(LoadConfig.RAMP),
                        constantConcurrentUsers(Math.max(driverConnections, 0)).during(LoadConfig.DURATION)))
                .protocols(protocol)
                .assertions(
                        details("engine.io open").failedRequests().percent().lt(1.0),
                        details("socket.io connect").failedRequests().percent().lt(1.0),
                        details("engine.io open").responseTime().percentile(95.0).lt(1000),
                        details("socket.io connect").responseTime().percentile(99.0).lt(2000));
    }
}
