package com.delivery.notification;

import static com.delivery.notification.support.ProviderStandIns.fcmError;
import static com.delivery.notification.support.ProviderStandIns.fcmFailsFirst;
import static com.delivery.notification.support.ProviderStandIns.fcmRequestsFor;
import static com.delivery.notification.support.ProviderStandIns.sendGridError;
import static com.delivery.notification.support.ProviderStandIns.sendGridFailsFirst;
import static com.delivery.notification.support.ProviderStandIns.sendGridRawRequestsTo;
import static com.delivery.notification.support.ProviderStandIns.twilioError;
import static com.delivery.notification.support.ProviderStandIns.twilioFailsFirst;
import static com.delivery.notification.support.ProviderStandIns.twilioRequestsTo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.DriverOffer;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCreated;
import com.delivery.events.Topics;
import com.delivery.notification.support.Events;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

class ProviderFailuresIT extends NotificationServiceTestBase {

    /** Actuator answers on the management port only. */
    @LocalManagementPort
    int managementPort;

    @Test
    void aTransient503IsRetriedWithBackoffThenDelivered() {
        Person driver = knownPerson("DRIVER", "en");
        twilioFailsFirst(driver.phone(), twilioError(503, 20503, "Service Unavailable"));
        EventEnvelope<DriverOffer> offer = Events.offer(driver.id());
        double failedSmsBefore = failedSmsCount();

        publish(Topics.DRIVER_OFFER, offer);

        awaitStatuses(offer.eventId(), driver.id(), Map.of("PUSH", "SKIPPED", "SMS", "DELIVERED"));
        assertThat(failedSmsCount()).as("notifications_failed_total{channel=SMS}").isEqualTo(failedSmsBefore + 1);
        assertThat(twilioRequestsTo(driver.phone())).hasSize(2);
        List<Map<String, Object>> attempts = attempts(offer.eventId(), driver.id(), "SMS");
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("TRANSIENT_FAILURE", "DELIVERED");
        assertThat(attempts.getFirst().get("http_status")).isEqualTo(503);
        assertThat(attempts.getLast().get("provider_message_id")).isEqualTo("SM0123456789abcdef0123456789abcdef");
    }

    @Test
    void a429IsRetriedNoEarlierThanItsRetryAfter() {
        Person customer = knownPerson("CUSTOMER", "en");
        sendGridFailsFirst(customer.email(), sendGridError(429, "too many requests").withHeader("Retry-After", "2"));
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        List<LoggedRequest> calls = sendGridRawRequestsTo(customer.email());
        assertThat(calls).hasSize(2);
        long waitedMs = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(waitedMs).as("the configured backoff is 300 ms; Retry-After asked for 2 s").isGreaterThanOrEqualTo(1950);
        assertThat(attempts(created.eventId(), customer.id(), "EMAIL").getFirst())
                .containsEntry("outcome", "TRANSIENT_FAILURE").containsEntry("http_status", 429)
                .containsEntry("retry_after_ms", 2000L);
    }

    @Test
    void fcmQuotaExceededIsRetriedByUsAfterItsRetryAfter() {
        Person customer = knownPerson("CUSTOMER", "en");
        String device = registerDevice(customer);
        fcmFailsFirst(device, fcmError(429, "QUOTA_EXCEEDED").withHeader("Retry-After", "1"));
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "DELIVERED", "EMAIL", "DELIVERED"));
        assertThat(fcmRequestsFor(device)).hasSize(2);
        assertThat(attempts(created.eventId(), customer.id(), "PUSH")).extracting(a -> a.get("outcome"))
                .containsExactly("TRANSIENT_FAILURE", "DELIVERED");
        assertThat(count("SELECT count(*) FROM device_tokens WHERE token = ?", device)).isOne();
    }

    @Test
    void aPermanent400IsNotRetried() {
        Person driver = knownPerson("DRIVER", "en");
        twilioFailsFirst(driver.phone(), twilioError(400, 21211, "The 'To' number is not a valid phone number."));
        EventEnvelope<DriverOffer> offer = Events.offer(driver.id());

        publish(Topics.DRIVER_OFFER, offer);

        awaitStatuses(offer.eventId(), driver.id(), Map.of("PUSH", "SKIPPED", "SMS", "FAILED"));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(twilioRequestsTo(driver.phone())).hasSize(1));
        assertThat(attempts(offer.eventId(), driver.id(), "SMS")).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("outcome")).isEqualTo("PERMANENT_FAILURE");
                    assertThat(a.get("http_status")).isEqualTo(400);
                    assertThat((String) a.get("error")).contains("21211");
                });
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsTriedAgain() {
        Person customer = knownPerson("CUSTOMER", "en");
        sendGridFailsFirst(customer.email(), aResponse().withStatus(202).withFixedDelay(4_000));
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "DELIVERED"));
        List<Map<String, Object>> attempts = attempts(created.eventId(), customer.id(), "EMAIL");
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("TRANSIENT_FAILURE", "DELIVERED");
        assertThat((String) attempts.getFirst().get("error")).as("read timeout is 3 s in the tests")
                .contains("SocketTimeoutException");
    }

    @Test
    void transientFailuresStopAfterTheLastAllowedAttempt() {
        Person customer = knownPerson("CUSTOMER", "en");
        sendGridFailsFirst(customer.email(), sendGridError(503, "down"), sendGridError(503, "down"),
                sendGridError(503, "down"), sendGridError(503, "down"), sendGridError(503, "down"));
        EventEnvelope<OrderCreated> created = Events.pizzaOrder(customer.id(), UUID.randomUUID());

        publish(Topics.ORDER_CREATED, created);

        awaitStatuses(created.eventId(), customer.id(), Map.of("PUSH", "SKIPPED", "EMAIL", "FAILED"));
        assertThat(sendGridRawRequestsTo(customer.email())).as("max-attempts is 4 in the tests").hasSize(4);
        assertThat(jdbc.queryForObject("SELECT last_error FROM notifications WHERE event_id = ? AND recipient_id = ?"
                + " AND channel = 'EMAIL'", String.class, created.eventId(), customer.id())).startsWith("gave up");
    }

    private double failedSmsCount() {
        String scrape = com.delivery.testsupport.ApiClient.onPort(managementPort).get("/actuator/prometheus", null)
                .body();
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("(?m)^notifications_failed_total\\{[^}]*channel=\"SMS\"[^}]*} ([0-9.E+-]+)$").matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
