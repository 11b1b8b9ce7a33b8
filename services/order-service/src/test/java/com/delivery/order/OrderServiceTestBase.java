package com.delivery.order;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.InventoryReserved;
import com.delivery.events.PaymentCompleted;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.FaultyTcpProxy;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the order service's integration tests (same properties, same profile, so every test
 * class reuses it): real PostgreSQL, Redis and Kafka; the vendor service played by WireMock; tokens from
 * {@link TestTokens}; the Socket.io gateway on a free port. Redis is reached through a {@link FaultyTcpProxy} that
 * passes everything, unless a test breaks the link (and mends it before it ends).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
public abstract class OrderServiceTestBase {

    protected static final WireMockServer VENDOR_SERVICE = new WireMockServer(options().dynamicPort());
    protected static final int SOCKET_PORT = freePort();
    protected static final FaultyTcpProxy REDIS = FaultyTcpProxy.to(Infra.REDIS);

    static {
        VENDOR_SERVICE.start();
        TestTokens.install();
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("order.vendor.base-url", VENDOR_SERVICE::baseUrl);
        registry.add("order.socket.port", () -> SOCKET_PORT);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    protected ApiClient api;

    @BeforeEach
    void resetCollaborators() {
        api = ApiClient.onPort(port);
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- people --------------------------------------------------------------------------------------------

    protected static String customerToken(UUID customerId) {
        return TestTokens.token(customerId, "CUSTOMER");
    }

    protected static String vendorToken(UUID ownerId) {
        return TestTokens.token(ownerId, "VENDOR");
    }

    protected static String driverToken(UUID driverId) {
        return TestTokens.token(driverId, "DRIVER");
    }

    protected static String adminToken() {
        return TestTokens.token(UUID.randomUUID(), "ADMIN");
    }

    // ---- orders --------------------------------------------------------------------------------------------

    /** Places the vendor's standard order for a new customer; returns the created order response. */
    protected Response place(VendorStub vendor, UUID customerId) {
        return place(vendor, customerId, vendor.standardOrder(), null);
    }

    protected Response place(VendorStub vendor, UUID customerId, Map<String, Object> body, String idempotencyKey) {
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return api.send("POST", "/api/v1/orders", body, customerToken(customerId), headers);
    }

    /** A created order, its stock held ({@code inventory.reserved}) and paid ({@code payment.completed}): PLACED. */
    protected String placedOrder(VendorStub vendor, UUID customerId) {
        Response created = place(vendor, customerId);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.text("id");
        holdStock(orderId, customerId);
        publish(Topics.PAYMENT_COMPLETED, paymentCompleted(orderId, customerId, created.json().path("totalMinor").asLong()));
        awaitStatus(orderId, customerId, "PLACED");
        return orderId;
    }

    /** The vendor holds the order's stock: publishes {@code inventory.reserved} and waits until the order noted it. */
    protected void holdStock(String orderId, UUID customerId) {
        publish(Topics.INVENTORY_RESERVED, stockHeld(orderId, customerId));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/orders/" + orderId,
                customerToken(customerId)).json().path("timeline").valueStream()
                .anyMatch(e -> e.path("kind").asString("").equals("STOCK_HELD")
                        || e.path("to").asString("").equals("PLACED")));
    }

    protected static EventEnvelope<InventoryReserved> stockHeld(String orderId, UUID customerId) {
        return EventEnvelope.of(new InventoryReserved(UUID.fromString(orderId), customerId, UUID.randomUUID(),
                List.of()), "vendor", null);
    }

    protected void awaitStatus(String orderId, UUID customerId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/v1/orders/" + orderId, customerToken(customerId)).text("status"))
                        .isEqualTo(status));
    }

    protected Response move(String orderId, String status, String token) {
        return api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", status), token);
    }

    // ---- events --------------------------------------------------------------------------------------------

    protected static EventEnvelope<PaymentCompleted> paymentCompleted(String orderId, UUID customerId, long amount) {
        return EventEnvelope.of(new PaymentCompleted(UUID.randomUUID(), UUID.fromString(orderId), customerId, amount,
                "EUR", "pi_" + UUID.randomUUID().toString().replace("-", "")), "payment", null);
    }

    protected <P extends EventPayload> void publish(String topic, EventEnvelope<P> event) {
        try {
            kafka.send(topic, event.aggregateId(), EventCodec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected int orderRows(UUID customerId) {
        return jdbc.queryForObject("SELECT count(*) FROM orders WHERE customer_id = ?", Integer.class, customerId);
    }
}
