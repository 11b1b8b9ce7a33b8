package com.delivery.notification;

import static com.delivery.notification.support.ProviderStandIns.fcmRequestsFor;
import static com.delivery.notification.support.ProviderStandIns.sendGridRequestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCreated;
import com.delivery.events.Topics;
import com.delivery.events.UserRegistered;
import com.delivery.notification.app.EventNotifications;
import com.delivery.notification.support.Events;
import com.delivery.testsupport.EventProbe;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

class DeliveryGuaranteesIT extends NotificationServiceTestBase {

    @Autowired
    EventNotifications eventNotifications;

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        Person customer = knownPerson("CUSTOMER", "en");
        String device = registerDevice(customer);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());
        publish(Topics.ORDER_CREATED, created);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));

        publish(Topics.ORDER_CREATED, created);
        // a later event on the same partition shows the redelivery has been consumed
        Person other = knownPerson("CUSTOMER", "en");
        EventEnvelope<OrderCreated> marker = Events.pizzaOrder(other.id(), UUID.randomUUID());
        publishRaw(Topics.ORDER_CREATED, created.aggregateId(), EventCodec.encode(marker));
        awaitStatuses(marker.eventId(), other.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));

        assertThat(fcmRequestsFor(device)).hasSize(1);
        assertThat(sendGridRequestsTo(customer.email())).hasSize(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE event_id = ?", created.eventId()))
                .as("the customer's two; the vendor's are held until its owner is known").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM deferred_events WHERE event_id = ?", created.eventId()))
                .as("held once").isEqualTo(1);
    }

    @Test
    void applyingTheSameEventAgainRecordsNoSecondMessageAndTheDatabaseRefusesOne() {
        Person customer = knownPerson("CUSTOMER", "en");
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        eventNotifications.on(created);
        eventNotifications.on(created);

        assertThat(count("SELECT count(*) FROM notifications WHERE event_id = ? AND recipient_id = ?",
                created.eventId(), customer.id())).isEqualTo(2);
        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        assertThat(sendGridRequestsTo(customer.email())).hasSize(1);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO notifications (id, event_id, event_type, recipient_id, audience, channel, category, critical,
                                           template, status, created_at, updated_at)
                VALUES (?, ?, 'order.created', ?, 'CUSTOMER', 'EMAIL', 'ORDER_UPDATES', false, 'x', 'PENDING', now(), now())
                """, UUID.randomUUID(), created.eventId(), customer.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anEventForAnUnknownUserIsHeldForThemAndConsumptionGoesOn() {
        UUID stranger = UUID.randomUUID();
        Person owner = knownPerson("VENDOR", "en");
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(stranger, vendorOwnedBy(owner));

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), owner.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        assertThat(statusesFor(created.eventId(), stranger)).as("held until their sign-up arrives").isEmpty();
        assertThat(count("SELECT count(*) FROM deferred_events WHERE event_id = ? AND recipient_id = ?",
                created.eventId(), stranger)).isEqualTo(1);
        Person customer = knownPerson("CUSTOMER", "en");
        EventEnvelope<OrderCreated> next = Events.pizzaOrder(customer.id(), UUID.randomUUID());
        publish(Topics.ORDER_CREATED, next);
        awaitStatuses(next.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
    }

    @Test
    void anOrderForAVendorWhoseRegistrationIsStillOnItsWayReachesTheOwnerOnceItArrives() {
        // topics are not ordered with each other: order.created may be consumed before the vendor's vendor.registered
        Person customer = knownPerson("CUSTOMER", "en");
        Person owner = knownPerson("VENDOR", "en");
        UUID vendorId = UUID.randomUUID();
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), vendorId);

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM deferred_events WHERE event_id = ?"
                + " AND recipient_id = ?", created.eventId(), vendorId) == 1);
        assertThat(statusesFor(created.eventId(), vendorId)).as("nothing recorded as skipped").isEmpty();

        publish(Topics.VENDOR_REGISTERED, Events.vendorRegistered(vendorId, owner.id()));

        awaitStatuses(created.eventId(), owner.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        assertThat(count("SELECT count(*) FROM notifications WHERE event_id = ? AND recipient_id = ?",
                created.eventId(), customer.id())).as("the customer is not told twice").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM deferred_events WHERE event_id = ?", created.eventId())).isZero();
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        Person customer = knownPerson("CUSTOMER", "en");
        EventEnvelope<OrderCreated> wrongTopic = Events.pizzaOrder(customer.id(), UUID.randomUUID());
        try (EventProbe deadLetters = EventProbe.open(Topics.dlt(Topics.ORDER_CREATED),
                Topics.dlt(Topics.PAYMENT_FAILED))) {
            publishRaw(Topics.ORDER_CREATED, key, "{\"eventId\": \"not even JSON");
            publishRaw(Topics.PAYMENT_FAILED, wrongTopic.aggregateId(), EventCodec.encode(wrongTopic));

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(deadLetters.valuesFor(key)).containsExactly("{\"eventId\": \"not even JSON");
                assertThat(deadLetters.valuesFor(wrongTopic.aggregateId())).hasSize(1);
            });
        }
        assertThat(count("SELECT count(*) FROM notifications WHERE event_id = ?", wrongTopic.eventId())).isZero();
    }

    @Test
    void registeringWelcomesTheUserByEmailInTheirLanguage() {
        UUID userId = UUID.randomUUID();
        String email = "welcome-" + userId + "@example.com";
        EventEnvelope<UserRegistered> registered = Events.registered(userId, email, null, "Grace Hopper", "CUSTOMER",
                "de");

        publish(Topics.USER_REGISTERED, registered);

        awaitStatuses(registered.eventId(), userId, Map.of("EMAIL", "DELIVERED"));
        JsonNode mail = sendGridRequestsTo(email).getFirst();
        assertThat(mail.path("subject").asString()).isEqualTo("Willkommen bei Delivery, Grace!");
        assertThat(mail.path("personalizations").path(0).path("to").path(0).path("name").asString())
                .isEqualTo("Grace Hopper");
    }
}
