package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.EventType;
import com.delivery.events.OrderCreated;
import com.delivery.payment.support.Orders;
import com.delivery.payment.support.StripeEvents;
import com.delivery.payment.support.StripeStandIn;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context every payment integration test shares: real PostgreSQL, Redis and Kafka, Stripe played by
 * {@link StripeStandIn}, tokens from {@link TestTokens}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
public abstract class PaymentIntegrationTest {

    protected static final Duration EVENTUALLY = Duration.ofSeconds(30);
    protected static final String WEBHOOK = "/api/v1/payments/webhooks/stripe";

    @LocalServerPort
    int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    protected final UUID adminId = UUID.randomUUID();

    @BeforeAll
    static void outsideWorld() {
        TestTokens.install();
        StripeStandIn.install();
    }

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    protected String admin() {
        return TestTokens.token(adminId, "ADMIN");
    }

    protected static String customer(UUID id) {
        return TestTokens.token(id, "CUSTOMER");
    }

    protected static String vendor(UUID id) {
        return TestTokens.token(id, "VENDOR");
    }

    /** Publishes an event as its producer would, and returns the exact JSON sent (to send it again). */
    protected <P extends EventPayload> String publish(P payload) {
        String producer = EventType.byPayload(payload.getClass()).type().split("\\.")[0];
        String json = EventCodec.encode(EventEnvelope.of(payload, producer, null));
        send(payload, json);
        return json;
    }

    /**
     * Checkout as the platform does it: the order service's {@code order.created}, then the vendor's
     * {@code inventory.reserved} (the PaymentIntent is only created once both were consumed). Returns the exact JSON
     * of the {@code order.created} sent.
     */
    protected String checkout(OrderCreated order) {
        String json = publish(order);
        publish(Orders.stockHeld(order));
        return json;
    }

    protected void send(EventPayload payload, String json) {
        try {
            kafka.send(EventType.byPayload(payload.getClass()).topic(), payload.aggregateId(), json)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payment of an order as an admin reads it, once the service has opened it. */
    protected JsonNode awaitPayment(UUID orderId) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100)).until(
                () -> api.get("/api/v1/payments/orders/" + orderId, admin()), r -> r.status() == 200).json();
    }

    /** Waits until the service has applied the event published as {@code json} (its id is in processed_events). */
    protected void awaitProcessed(String json) {
        UUID eventId = EventCodec.decode(json).eventId();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_events WHERE event_id = ?", Integer.class, eventId) == 1);
    }

    /** The payment of an order as an admin reads it, once its PaymentIntent exists. */
    protected JsonNode awaitIntent(UUID orderId) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100)).until(
                () -> api.get("/api/v1/payments/orders/" + orderId, admin()),
                r -> r.status() == 200 && !r.json().path("providerReference").isNull()).json();
    }

    protected JsonNode awaitPaymentStatus(UUID orderId, String status) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100)).until(
                () -> api.get("/api/v1/payments/orders/" + orderId, admin()),
                r -> r.status() == 200 && status.equals(r.text("status"))).json();
    }

    protected Response postWebhook(StripeEvents.Signed event) {
        return api.send("POST", WEBHOOK, event.payload(), null, event.headers());
    }

    protected void assertAccepted(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** A vendor whose owner connected a Stripe account that finished onboarding (charges enabled). */
    protected record ConnectedVendor(UUID vendorId, UUID ownerId, String accountId) {
    }

    protected ConnectedVendor connectedVendor() {
        UUID vendorId = UUID.randomUUID();
        UUID ownerId = UUID.randomUUID();
        Response created = api.post("/api/v1/payments/vendors/" + vendorId + "/connect-account", null, vendor(ownerId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String accountId = created.text("accountId");
        assertAccepted(postWebhook(StripeEvents.accountUpdated(accountId, true, true)));
        return new ConnectedVendor(vendorId, ownerId, accountId);
    }

    /** Events of one topic and key written to the outbox: what will reach Kafka, counted exactly. */
    protected int outboxCount(String topic, String aggregateId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE topic = ? AND aggregate_id = ?",
                Integer.class, topic, aggregateId);
        return count == null ? 0 : count;
    }
}
