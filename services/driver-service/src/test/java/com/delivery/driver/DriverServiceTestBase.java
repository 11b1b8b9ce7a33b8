package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Events;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestClock;
import com.delivery.driver.support.TestDriver;
import com.delivery.driver.support.TestOrder;
import com.delivery.events.Address;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.GeoPoint;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the driver service's integration tests (same properties, same profile, so every test
 * class reuses it): real PostgreSQL, Redis, Kafka and MongoDB(-protocol server); tokens from {@link TestTokens};
 * a {@link TestClock} to let time pass. Each test works in its own random place ({@link Places}) so that drivers
 * of other tests are never near.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA, Infra.MONGODB})
@Import(TestClock.Configuration.class)
public abstract class DriverServiceTestBase {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    /** Must match application-test.yml. */
    protected static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);
    protected static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    protected static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    protected static final Duration HEARTBEAT_TTL = Duration.ofMinutes(10);

    static {
        TestTokens.install();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected StringRedisTemplate redis;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    // ---- people ------------------------------------------------------------------------------------------------

    protected static String adminToken() {
        return TestTokens.token(UUID.randomUUID(), "ADMIN");
    }

    protected static String customerToken(UUID customerId) {
        return TestTokens.token(customerId, "CUSTOMER");
    }

    protected static String vendorToken() {
        return TestTokens.token(UUID.randomUUID(), "VENDOR");
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- named builders ----------------------------------------------------------------------------------------

    protected DriverBuilder aDriver() {
        return new DriverBuilder();
    }

    protected OrderBuilder anOrder() {
        return new OrderBuilder();
    }

    protected DeliveryBuilder aDelivery() {
        return new DeliveryBuilder();
    }

    /** A driver, registered (PENDING) and, as asked, approved and online somewhere. */
    protected final class DriverBuilder {

        private final UUID id = UUID.randomUUID();
        private String fullName = "Driver " + id.toString().substring(0, 8);
        private String vehicleType = "BICYCLE";
        private final Map<String, LocalDate> documents = new HashMap<>(Map.of(
                "LICENCE", today().plusYears(2), "INSURANCE", today().plusYears(1), "IDENTITY", today().plusYears(5)));
        private boolean approved;
        private GeoPosition onlineAt;

        public DriverBuilder named(String name) {
            this.fullName = name;
            return this;
        }

        public DriverBuilder riding(String vehicleType) {
            this.vehicleType = vehicleType;
            return this;
        }

        public DriverBuilder withDocumentExpiringOn(String type, LocalDate expiresOn) {
            documents.put(type, expiresOn);
            return this;
        }

        public DriverBuilder without(String documentType) {
            documents.remove(documentType);
            return this;
        }

        public DriverBuilder approved() {
            this.approved = true;
            return this;
        }

        /** Approved and online at the position. */
        public DriverBuilder onlineAt(GeoPosition position) {
            this.approved = true;
            this.onlineAt = position;
            return this;
        }

        public Map<String, Object> registration() {
            return Map.of("fullName", fullName, "phone", "+4915112345678",
                    "vehicle", Map.of("type", vehicleType, "plate", "B-DX " + id.toString().substring(0, 4).toUpperCase(),
                            "model", "Model " + vehicleType.toLowerCase()),
                    "documents", documents.entrySet().stream().map(e -> Map.of("type", e.getKey(),
                            "number", e.getKey().substring(0, 3) + "-" + id.toString().substring(0, 6),
                            "expiresOn", e.getValue().toString())).toList());
        }

        public TestDriver create() {
            TestDriver driver = new TestDriver(id, fullName, vehicleType);
            Response registered = api.post("/api/v1/drivers/register", registration(), driver.token());
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            if (approved) {
                Response approval = api.post("/api/v1/admin/drivers/" + id + "/approve", null, adminToken());
                assertThat(approval.status()).as(approval.body()).isEqualTo(200);
            }
            if (onlineAt != null) {
                Response online = goOnline(driver, onlineAt);
                assertThat(online.status()).as(online.body()).isEqualTo(200);
            }
            return driver;
        }
    }

    /** An order of a random customer at a random vendor, picked up and dropped off where asked. */
    protected final class OrderBuilder {

        private final UUID orderId = UUID.randomUUID();
        private UUID customerId = UUID.randomUUID();
        private final UUID vendorId = UUID.randomUUID();
        private String vendorName = "Vendor " + orderId.toString().substring(0, 6);
        private GeoPosition pickup = Places.somewhereRemote();
        private GeoPosition dropoff;

        public OrderBuilder pickupAt(GeoPosition position) {
            this.pickup = position;
            return this;
        }

        public OrderBuilder dropoffAt(GeoPosition position) {
            this.dropoff = position;
            return this;
        }

        public OrderBuilder forCustomer(UUID customerId) {
            this.customerId = customerId;
            return this;
        }

        public TestOrder build() {
            GeoPosition to = dropoff != null ? dropoff : Places.offset(pickup, 1500, 1500);
            return new TestOrder(orderId, customerId, vendorId, vendorName, pickup, to, "flow-" + orderId);
        }

        /** Publishes {@code order.confirmed}: matching starts. */
        public TestOrder confirmed() {
            TestOrder order = build();
            publish(Topics.ORDER_CONFIRMED, confirmation(order));
            return order;
        }
    }

    protected static EventEnvelope<OrderConfirmed> confirmation(TestOrder order) {
        return Events.envelope(UUID.randomUUID(), Instant.now(), "order", order.correlationId(),
                new OrderConfirmed(order.orderId(), order.customerId(), order.vendorId(), null, order.vendorName(),
                        new GeoPoint(order.pickup().lat(), order.pickup().lng()),
                        new Address("Main Street 1", "Testville", "12345", order.dropoff().lat(), order.dropoff().lng()),
                        Instant.now().plusSeconds(900)));
    }

    protected static EventEnvelope<OrderCancelled> cancellation(TestOrder order, UUID driverId) {
        return Events.envelope(UUID.randomUUID(), Instant.now(), "order", order.correlationId(),
                new OrderCancelled(order.orderId(), order.customerId(), order.vendorId(), driverId, "CUSTOMER_REQUEST",
                        "CUSTOMER", "CONFIRMED", List.of()));
    }

    /** An {@code order.delivered} event; defaults: now, 2 km, no tip, a new event id. */
    protected static final class DeliveryBuilder {

        private UUID eventId = UUID.randomUUID();
        private UUID orderId = UUID.randomUUID();
        private UUID customerId = UUID.randomUUID();
        private UUID vendorId = UUID.randomUUID();
        private UUID driverId;
        private Instant deliveredAt = Instant.now();
        private int distanceMeters = 2000;
        private long tipMinor;

        public DeliveryBuilder of(TestOrder order) {
            this.orderId = order.orderId();
            this.customerId = order.customerId();
            this.vendorId = order.vendorId();
            return this;
        }

        public DeliveryBuilder ofOrder(UUID orderId) {
            this.orderId = orderId;
            return this;
        }

        public DeliveryBuilder by(TestDriver driver) {
            this.driverId = driver.id();
            return this;
        }

        public DeliveryBuilder forCustomer(UUID customerId) {
            this.customerId = customerId;
            return this;
        }

        public DeliveryBuilder at(String instant) {
            this.deliveredAt = Instant.parse(instant);
            return this;
        }

        public DeliveryBuilder distanceMeters(int meters) {
            this.distanceMeters = meters;
            return this;
        }

        public DeliveryBuilder tipMinor(long tip) {
            this.tipMinor = tip;
            return this;
        }

        public DeliveryBuilder withEventId(UUID eventId) {
            this.eventId = eventId;
            return this;
        }

        public EventEnvelope<OrderDelivered> event() {
            long subtotal = 2000;
            long deliveryFee = 299;
            return Events.envelope(eventId, deliveredAt, "order", "flow-" + orderId,
                    new OrderDelivered(orderId, customerId, vendorId, driverId, subtotal, deliveryFee, 200, tipMinor,
                            0, subtotal + deliveryFee + tipMinor, "EUR", distanceMeters));
        }
    }

    // ---- driver actions ----------------------------------------------------------------------------------------

    protected Response goOnline(TestDriver driver, GeoPosition at) {
        return api.post(driver.path() + "/online-status", Map.of("online", true, "lat", at.lat(), "lng", at.lng()),
                driver.token());
    }

    protected Response goOffline(TestDriver driver) {
        return api.post(driver.path() + "/online-status", Map.of("online", false), driver.token());
    }

    protected Response currentOffer(TestDriver driver) {
        return api.get(driver.path() + "/offers/current", driver.token());
    }

    /** Waits until the order is offered to the driver. */
    protected Response awaitOffer(TestDriver driver, TestOrder order) {
        Response[] offer = new Response[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            offer[0] = currentOffer(driver);
            assertThat(offer[0].status()).as(offer[0].body()).isEqualTo(200);
            assertThat(offer[0].text("orderId")).isEqualTo(order.orderId().toString());
        });
        return offer[0];
    }

    protected Response accept(TestDriver driver, TestOrder order) {
        return api.post(driver.path() + "/offers/" + order.orderId() + "/accept", null, driver.token());
    }

    protected Response decline(TestDriver driver, TestOrder order) {
        return api.post(driver.path() + "/offers/" + order.orderId() + "/decline", null, driver.token());
    }

    /** Confirms an order picked up where the driver is, and has the driver take it (the driver must be the only one near). */
    protected TestOrder assignedOrder(TestDriver driver, GeoPosition driverPosition) {
        TestOrder order = anOrder().pickupAt(driverPosition).confirmed();
        awaitOffer(driver, order);
        Response accepted = accept(driver, order);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return order;
    }

    protected Response driver(TestDriver driver) {
        return api.get(driver.path(), driver.token());
    }

    protected Response nearby(GeoPosition at, double radiusKm) {
        return api.get("/api/v1/drivers/nearby?lat=" + at.lat() + "&lng=" + at.lng() + "&radiusKm=" + radiusKm,
                adminToken());
    }

    protected List<String> nearbyIds(GeoPosition at, double radiusKm) {
        Response response = nearby(at, radiusKm);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(d -> d.path("driverId").asString()).toList();
    }

    // ---- events ------------------------------------------------------------------------------------------------

    protected void publish(String topic, EventEnvelope<?> event) {
        try {
            kafka.send(topic, event.aggregateId(), EventCodec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values the probe saw on one topic for one key. */
    protected static List<String> seen(EventProbe probe, String topic, UUID key) {
        return probe.records().stream().filter(r -> r.topic().equals(topic) && key.toString().equals(r.key()))
                .map(r -> r.value()).toList();
    }

    protected static Map<String, Object> rating(UUID orderId, int stars) {
        return Map.of("orderId", orderId.toString(), "stars", stars, "comment", "Quick and friendly");
    }
}
