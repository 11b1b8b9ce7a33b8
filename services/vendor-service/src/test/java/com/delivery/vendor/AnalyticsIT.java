package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import com.delivery.vendor.Vendors.TestVendor;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class AnalyticsIT extends VendorIT {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    private void deliver(EventPayload... payloads) {
        for (EventPayload payload : payloads) {
            EventEnvelope<?> event = EventEnvelope.of(payload, "order", null);
            kafka.send(event.type(), event.aggregateId(), EventCodec.encode(event)).join();
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = ?)", Boolean.class,
                    event.eventId())));
        }
    }

    private String range() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        return "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    @Test
    void revenueCountsDeliveredOrdersOnlyAndTheNumbersAreExact() {
        TestVendor luigi = vendors.approvedPizzeria();
        UUID v = luigi.id();
        UUID pizza = UUID.randomUUID();
        UUID dessert = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        UUID o5 = UUID.randomUUID();

        deliver(
                Orders.created(o1, ada, v, Orders.line(pizza, "Pizza Margherita", 2, 950),
                        Orders.line(dessert, "Tiramisu", 1, 550)),
                Orders.delivered(o1, ada, v, 2450),
                Orders.created(o2, ada, v, Orders.line(pizza, "Pizza Margherita", 1, 950)),
                Orders.delivered(o2, ada, v, 950),
                Orders.created(o3, ada, v, Orders.line(dessert, "Tiramisu", 3, 550)),
                Orders.cancelled(o3, ada, v, Orders.line(dessert, "Tiramisu", 3, 550)),
                Orders.created(o4, ada, v, Orders.line(pizza, "Pizza Margherita", 1, 950)),
                // delivered seen before created: another topic, no ordering
                Orders.delivered(o5, ada, v, 550),
                Orders.created(o5, ada, v, Orders.line(dessert, "Tiramisu", 1, 550)));

        Response report = api.get(luigi.path() + "/analytics" + range(), luigi.ownerToken());

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.path("currency").asString()).isEqualTo("EUR");
        assertThat(r.path("orders").asLong()).isEqualTo(3);
        assertThat(r.path("revenueMinor").asLong()).isEqualTo(2450 + 950 + 550);
        assertThat(r.path("averageOrderValueMinor").asLong()).as("3950 / 3, half-even").isEqualTo(1317);
        assertThat(r.path("ordersReceived").asLong()).isEqualTo(5);
        assertThat(r.path("ordersCancelled").asLong()).isEqualTo(1);
        assertThat(r.path("ordersInProgress").asLong()).isEqualTo(1);
        JsonNode top = r.path("topItems");
        assertThat(top.size()).isEqualTo(2);
        assertThat(top.get(0).path("name").asString()).isEqualTo("Pizza Margherita");
        assertThat(top.get(0).path("quantity").asLong()).isEqualTo(3);
        assertThat(top.get(0).path("revenueMinor").asLong()).isEqualTo(2850);
        assertThat(top.get(1).path("name").asString()).isEqualTo("Tiramisu");
        assertThat(top.get(1).path("quantity").asLong()).as("the cancelled three do not count").isEqualTo(2);
        assertThat(r.path("ordersByHour").size()).isEqualTo(24);
        assertThat(r.path("ordersByHour").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
    }

    @Test
    void analyticsBelongToTheOwner() {
        TestVendor luigi = vendors.approvedPizzeria();

        assertThat(api.get(luigi.path() + "/analytics" + range(), vendorUser()).status()).isEqualTo(403);
        assertThat(api.get(luigi.path() + "/analytics" + range(), customer()).status()).isEqualTo(403);
        assertThat(api.get(luigi.path() + "/analytics" + range(), admin).status()).isEqualTo(200);
        assertThat(api.get(luigi.path() + "/analytics?from=2026-03-10&to=2026-03-01", luigi.ownerToken()).status())
                .isEqualTo(400);
        Response empty = api.get(luigi.path() + "/analytics", luigi.ownerToken());
        assertThat(empty.json().path("orders").asLong()).isZero();
        assertThat(empty.json().path("averageOrderValueMinor").asLong()).isZero();
    }

    @Test
    void aCustomerRatesADeliveredOrderOnce() {
        TestVendor luigi = vendors.approvedPizzeria();
        UUID ada = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        deliver(Orders.created(orderId, ada, luigi.id(), Orders.line(UUID.randomUUID(), "Pizza", 1, 950)),
                Orders.delivered(orderId, ada, luigi.id(), 950));
        String adaToken = TestTokens.token(ada, "CUSTOMER");

        Response rated = api.post(luigi.path() + "/ratings", Map.of("orderId", orderId, "stars", 4), adaToken);

        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().path("ratingAverage").asDouble()).isEqualTo(4.0);
        assertThat(rated.json().path("ratingCount").asInt()).isEqualTo(1);
        assertThat(api.post(luigi.path() + "/ratings", Map.of("orderId", orderId, "stars", 5), adaToken).status())
                .isEqualTo(409);
        assertThat(api.post(luigi.path() + "/ratings", Map.of("orderId", orderId, "stars", 1), customer()).status())
                .as("not their order").isEqualTo(422);
        assertThat(api.post(luigi.path() + "/ratings", Map.of("orderId", orderId, "stars", 6), adaToken).status())
                .isEqualTo(400);
    }
}
