package com.delivery.notification;

import static com.delivery.notification.support.ProviderStandIns.fcmRejects;
import static com.delivery.notification.support.ProviderStandIns.fcmRequestsFor;
import static com.delivery.notification.support.ProviderStandIns.twilioRequestsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.DriverOffer;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCreated;
import com.delivery.events.Topics;
import com.delivery.notification.support.Events;
import com.delivery.notification.support.ProviderStandIns;
import com.delivery.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CriticalRoutingIT extends NotificationServiceTestBase {

    @Test
    void aDriverWithoutADeviceGetsTheCriticalOfferBySms() {
        Person driver = knownPerson("DRIVER", "en");
        EventEnvelope<DriverOffer> offer = Events.offer(driver.id());

        publish(Topics.DRIVER_OFFER, offer);

        awaitStatuses(offer.eventId(), driver.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        Map<String, String> sms = twilioRequestsTo(driver.phone()).getFirst();
        assertThat(sms).containsEntry("From", ProviderStandIns.TWILIO_FROM);
        assertThat(sms.get("Body")).startsWith("New delivery offer: pick up at Luigi's Pizzeria, 0.2 km trip.");
        assertThat(twilioRequestsTo(driver.phone())).hasSize(1);
    }

    @Test
    void aDriverWithAWorkingDeviceGetsAnUrgentPushAndTheStandbySmsIsNotSent() {
        Person driver = knownPerson("DRIVER", "en");
        String device = registerDevice(driver);
        EventEnvelope<DriverOffer> offer = Events.offer(driver.id());

        publish(Topics.DRIVER_OFFER, offer);

        awaitStatuses(offer.eventId(), driver.id(), Map.of("PUSH", "DELIVERED", "SMS", "NOT_NEEDED"));
        JsonNode push = fcmRequestsFor(device).getFirst().path("message");
        assertThat(push.path("notification").path("title").asString()).isEqualTo("New delivery: Luigi's Pizzeria");
        assertThat(push.path("android").path("priority").asString()).isEqualTo("high");
        assertThat(push.path("apns").path("headers").path("apns-priority").asString()).isEqualTo("10");
        assertThat(twilioRequestsTo(driver.phone())).isEmpty();
    }

    @Test
    void anUnregisteredTokenIsRemovedAndSmsTakesOverTheCriticalOffer() {
        Person driver = knownPerson("DRIVER", "en");
        String device = registerDevice(driver);
        fcmRejects(device, 404, "UNREGISTERED");
        EventEnvelope<DriverOffer> offer = Events.offer(driver.id());

        publish(Topics.DRIVER_OFFER, offer);

        awaitStatuses(offer.eventId(), driver.id(), Map.of("PUSH", "FAILED", "SMS", "DELIVERED"));
        assertThat(fcmRequestsFor(device)).hasSize(1);
        assertThat(count("SELECT count(*) FROM device_tokens WHERE token = ?", device)).isZero();
        assertThat(attempts(offer.eventId(), driver.id(), "PUSH")).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("outcome")).isEqualTo("INVALID_TOKEN");
                    assertThat(a.get("http_status")).isEqualTo(404);
                    assertThat(a.get("provider")).isEqualTo("fcm");
                });
        assertThat(twilioRequestsTo(driver.phone())).hasSize(1);
    }

    @Test
    void anInvalidArgumentTokenIsRemovedButANormalMessageDoesNotFallBackToSms() {
        Person customer = knownPerson("CUSTOMER", "en");
        String device = registerDevice(customer);
        fcmRejects(device, 400, "INVALID_ARGUMENT");
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "FAILED", "EMAIL", "DELIVERED"));
        assertThat(count("SELECT count(*) FROM device_tokens WHERE token = ?", device)).isZero();
        assertThat(twilioRequestsTo(customer.phone())).isEmpty();
    }

    @Test
    void preferencesSilenceNormalMessagesButNotCriticalOnes() {
        Person customer = knownPerson("CUSTOMER", "en");
        String customerDevice = registerDevice(customer);
        assertThat(api.put("/api/v1/notifications/preferences",
                Map.of("categories", Map.of("order-updates", Map.of("PUSH", false))),
                TestTokens.token(customer.id(), "CUSTOMER")).status()).isEqualTo(200);
        Person driver = knownPerson("DRIVER", "en");
        String driverDevice = registerDevice(driver);
        assertThat(api.put("/api/v1/notifications/preferences",
                Map.of("categories", Map.of("driver-jobs", Map.of("PUSH", false, "SMS", false))),
                TestTokens.token(driver.id(), "DRIVER")).status()).isEqualTo(200);
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());
        EventEnvelope<DriverOffer> offer = Events.offer(driver.id());

        publish(Topics.ORDER_CREATED, created);
        publish(Topics.DRIVER_OFFER, offer);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        assertThat(jdbc.queryForObject("SELECT last_error FROM notifications WHERE event_id = ? AND recipient_id = ?"
                + " AND channel = 'PUSH'", String.class, created.eventId(), customer.id())).isEqualTo("OPTED_OUT");
        assertThat(fcmRequestsFor(customerDevice)).isEmpty();
        awaitStatuses(offer.eventId(), driver.id(), Map.of("PUSH", "DELIVERED", "SMS", "NOT_NEEDED"));
        assertThat(fcmRequestsFor(driverDevice)).hasSize(1);
    }
}
