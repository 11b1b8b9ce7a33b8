package com.delivery.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.notification.support.Events;
import com.delivery.notification.support.ProviderStandIns;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
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
 * The one Spring context of the notification service's integration tests (same properties, same profile, so every
 * test class reuses it): real PostgreSQL, Redis and Kafka; FCM, Twilio and SendGrid played by one WireMock server
 * that the real SDKs call; tokens from {@link TestTokens}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
public abstract class NotificationServiceTestBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        ProviderStandIns.start();
        TestTokens.install();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("notification.push.project-id", () -> ProviderStandIns.FCM_PROJECT);
        registry.add("notification.push.client-email", () -> ProviderStandIns.FIREBASE_CLIENT_EMAIL);
        registry.add("notification.push.private-key", ProviderStandIns::privateKeyPem);
        registry.add("notification.push.base-url", ProviderStandIns::baseUrl);
        registry.add("notification.sms.account-sid", () -> ProviderStandIns.TWILIO_SID);
        registry.add("notification.sms.auth-token", () -> ProviderStandIns.TWILIO_TOKEN);
        registry.add("notification.sms.from-number", () -> ProviderStandIns.TWILIO_FROM);
        registry.add("notification.sms.base-url", ProviderStandIns::baseUrl);
        registry.add("notification.email.api-key", () -> ProviderStandIns.SENDGRID_KEY);
        registry.add("notification.email.from-email", () -> ProviderStandIns.SENDGRID_FROM);
        registry.add("notification.email.base-url", ProviderStandIns::baseUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    // ---- people --------------------------------------------------------------------------------------------

    /** A person the contact directory knows, with a unique email and phone. */
    protected record Person(UUID id, String email, String phone, String name, String locale) {
    }

    protected Person knownPerson(String role, String locale) {
        return knownPerson(role, locale, uniquePhone());
    }

    protected Person knownPerson(String role, String locale, String phone) {
        UUID id = UUID.randomUUID();
        Person person = new Person(id, "p-" + id + "@example.com", phone, "Ada Lovelace", locale);
        publish(Topics.USER_UPDATED, Events.contact(id, person.email(), phone, person.name(), role, locale));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM contacts WHERE user_id = ?", id) == 1);
        return person;
    }

    /** A vendor whose owner the directory knows; returns the vendor id. */
    protected UUID vendorOwnedBy(Person owner) {
        UUID vendorId = UUID.randomUUID();
        publish(Topics.VENDOR_REGISTERED, Events.vendorRegistered(vendorId, owner.id()));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM vendor_owners WHERE vendor_id = ?", vendorId)
                == 1);
        return vendorId;
    }

    protected String registerDevice(Person person) {
        String token = "fcm-" + UUID.randomUUID() + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
        assertThat(api.post("/api/v1/notifications/devices", Map.of("token", token, "platform", "ANDROID"),
                TestTokens.token(person.id(), "CUSTOMER")).status()).isEqualTo(201);
        return token;
    }

    protected static String uniquePhone() {
        return "+4915" + String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
    }

    // ---- events and what came of them ----------------------------------------------------------------------

    protected void publish(String topic, EventEnvelope<?> event) {
        publishRaw(topic, event.aggregateId(), EventCodec.encode(event));
    }

    protected void publishRaw(String topic, String key, String value) {
        try {
            kafka.send(topic, key, value).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status of each message recorded for the event and recipient, by channel. */
    protected Map<String, String> statusesFor(UUID eventId, UUID recipientId) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        jdbc.query("SELECT channel, status FROM notifications WHERE event_id = ? AND recipient_id = ?",
                rs -> {
                    statuses.put(rs.getString("channel"), rs.getString("status"));
                }, eventId, recipientId);
        return statuses;
    }

    protected void awaitStatuses(UUID eventId, UUID recipientId, Map<String, String> expected) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(statusesFor(eventId, recipientId)).isEqualTo(expected));
    }

    protected List<Map<String, Object>> attempts(UUID eventId, UUID recipientId, String channel) {
        return jdbc.queryForList("""
                SELECT a.* FROM delivery_attempts a JOIN notifications n ON n.id = a.notification_id
                 WHERE n.event_id = ? AND n.recipient_id = ? AND n.channel = ? ORDER BY a.id""",
                eventId, recipientId, channel);
    }

    protected long count(String sql, Object... args) {
        Long found = jdbc.queryForObject(sql, Long.class, args);
        return found == null ? 0 : found;
    }

    protected static String adminToken() {
        return TestTokens.token(UUID.randomUUID(), "ADMIN");
    }
}
