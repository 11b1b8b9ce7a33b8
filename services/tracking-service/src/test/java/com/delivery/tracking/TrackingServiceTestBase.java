package com.delivery.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.Address;
import com.delivery.events.DriverAssigned;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderPickedUp;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.MovableClock;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the tracking service's integration tests (same properties, profile and imports, so
 * every test class reuses it): real Redis, Kafka and MongoDB-protocol server; Google Maps played by WireMock with
 * the Distance Matrix's real JSON; tokens from {@link TestTokens}; the Socket.io gateway on a free port; a clock
 * tests can move forward.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.REDIS, Infra.KAFKA, Infra.MONGODB})
@Import(TrackingServiceTestBase.MovableClockConfiguration.class)
public abstract class TrackingServiceTestBase {

    protected static final WireMockServer GOOGLE = new WireMockServer(options().dynamicPort());
    protected static final int SOCKET_PORT = freePort();
    protected static final String DISTANCE_MATRIX = "/maps/api/distancematrix/json";
    protected static final Duration WAIT = Duration.ofSeconds(20);

    private static final AtomicLong LAST_TS = new AtomicLong();

    static {
        GOOGLE.start();
        TestTokens.install();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("tracking.google.base-url", GOOGLE::baseUrl);
        registry.add("tracking.socket.port", () -> SOCKET_PORT);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected MovableClock clock;

    protected ApiClient api;

    @BeforeEach
    void resetCollaborators() {
        clock.reset();
        LAST_TS.set(0);
        api = ApiClient.onPort(port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- people --------------------------------------------------------------------------------------------

    protected static String customerToken(UUID id) {
        return TestTokens.token(id, "CUSTOMER");
    }

    protected static String driverToken(UUID id) {
        return TestTokens.token(id, "DRIVER");
    }

    protected static String vendorToken(UUID id) {
        return TestTokens.token(id, "VENDOR");
    }

    protected static String adminToken() {
        return TestTokens.token(UUID.randomUUID(), "ADMIN");
    }

    // ---- trips ---------------------------------------------------------------------------------------------

    /** An order with its parties; the destination is unique per trip, so Google stubs never mix between tests. */
    protected record TestTrip(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, String vehicleType,
            double destLat, double destLng) {

        String room() {
            return "order:" + orderId;
        }

        /** Google's rendering of the destination in the request ({@code LatLng.toUrlValue}). */
        String destinationParam() {
            return String.format(Locale.ENGLISH, "%.8f,%.8f", destLat, destLng);
        }
    }

    protected static TestTrip newTrip(String vehicleType) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new TestTrip(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), vehicleType,
                52.50 + random.nextDouble(0.02), 13.38 + random.nextDouble(0.04));
    }

    /** {@code driver.assigned}, then waits until tracking knows the trip. */
    protected TestTrip assigned(TestTrip trip) {
        publish(new DriverAssigned(trip.orderId(), trip.driverId(), "Tom Becker", trip.vehicleType(), trip.customerId(),
                trip.vendorId()));
        awaitTripStatus(trip, "ASSIGNED");
        return trip;
    }

    protected TestTrip assignedAndPickedUp(TestTrip trip) {
        assigned(trip);
        publish(new OrderPickedUp(trip.orderId(), trip.customerId(), trip.vendorId(), trip.driverId(),
                new Address("Torstraße 49", "Berlin", "10119", trip.destLat(), trip.destLng())));
        awaitTripStatus(trip, "IN_PROGRESS");
        return trip;
    }

    protected void delivered(TestTrip trip) {
        publish(new OrderDelivered(trip.orderId(), trip.customerId(), trip.vendorId(), trip.driverId(), 2400, 299, 240,
                200, 0, 2939, "EUR", 2300));
        awaitTripStatus(trip, "ENDED");
    }

    protected void cancelled(TestTrip trip) {
        publish(new OrderCancelled(trip.orderId(), trip.customerId(), trip.vendorId(), trip.driverId(),
                "CUSTOMER_REQUEST", "CUSTOMER", "CONFIRMED", List.of()));
        awaitTripStatus(trip, "ENDED");
    }

    protected void awaitTripStatus(TestTrip trip, String status) {
        String admin = adminToken();
        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response response = api.get("/api/v1/tracking/orders/" + trip.orderId(), admin);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.text("status")).isEqualTo(status);
        });
    }

    protected <P extends EventPayload> EventEnvelope<P> publish(P payload) {
        EventEnvelope<P> event = EventEnvelope.of(payload, "test", null);
        publish(event);
        return event;
    }

    protected void publish(EventEnvelope<?> event) {
        kafka.send(event.type(), event.aggregateId(), EventCodec.encode(event)).join();
    }

    // ---- fixes ---------------------------------------------------------------------------------------------

    /** A plausible fix taken now (by the service's clock), strictly later than any fix made before. */
    protected Map<String, Object> fix(UUID orderId, double lat, double lng) {
        Map<String, Object> fix = new LinkedHashMap<>();
        if (orderId != null) {
            fix.put("orderId", orderId.toString());
        }
        fix.put("lat", lat);
        fix.put("lng", lng);
        fix.put("heading", 90.0);
        fix.put("speed", 4.2);
        fix.put("accuracy", 5.0);
        fix.put("ts", nextTs(clock));
        return fix;
    }

    protected static long nextTs(Clock clock) {
        return LAST_TS.updateAndGet(last -> Math.max(last + 1, clock.millis()));
    }

    protected static Map<String, Object> with(Map<String, Object> fix, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fix);
        changed.put(field, value);
        return changed;
    }

    // ---- Google Maps ---------------------------------------------------------------------------------------

    protected static MappingBuilder distanceMatrixFor(TestTrip trip) {
        return get(urlPathEqualTo(DISTANCE_MATRIX)).withQueryParam("destinations", equalTo(trip.destinationParam()));
    }

    /** Google's answer, in the Distance Matrix's real JSON shape. */
    protected static void googleAnswers(TestTrip trip, long durationInTrafficSeconds, long meters) {
        GOOGLE.stubFor(distanceMatrixFor(trip).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("""
                        {
                           "destination_addresses" : [ "Torstraße 49, 10119 Berlin, Germany" ],
                           "origin_addresses" : [ "Rosenthaler Str. 40, 10178 Berlin, Germany" ],
                           "rows" : [
                              {
                                 "elements" : [
                                    {
                                       "distance" : { "text" : "%.1f km", "value" : %d },
                                       "duration" : { "text" : "%d mins", "value" : %d },
                                       "duration_in_traffic" : { "text" : "%d mins", "value" : %d },
                                       "status" : "OK"
                                    }
                                 ]
                              }
                           ],
                           "status" : "OK"
                        }
                        """.formatted(meters / 1000.0, meters, durationInTrafficSeconds / 60,
                        durationInTrafficSeconds - 60, durationInTrafficSeconds / 60, durationInTrafficSeconds))));
    }
}
