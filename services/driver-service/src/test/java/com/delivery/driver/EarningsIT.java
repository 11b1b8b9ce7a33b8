package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.support.TestDriver;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Earnings booked from {@code order.delivered} in MongoDB, exactly once per delivery, summed per day, month and
 * lifetime. Rates in the test profile: 250 base + 60 per km (half-even) + the whole tip.
 */
class EarningsIT extends DriverServiceTestBase {

    @Test
    void deliveredOrdersAreBookedOnceAndSummedPerDayMonthAndLifetime() {
        TestDriver driver = aDriver().approved().create();
        EventEnvelope<OrderDelivered> lateEvening = aDelivery().by(driver).at("2026-01-30T22:30:00Z")
                .distanceMeters(2350).tipMinor(150).event();                           // 250 + 141 + 150 = 541
        EventEnvelope<OrderDelivered> morning = aDelivery().by(driver).at("2026-01-31T08:00:00Z")
                .distanceMeters(1000).event();                                         // 250 +  60 +   0 = 310
        EventEnvelope<OrderDelivered> beforeMidnight = aDelivery().by(driver).at("2026-01-31T23:59:59Z")
                .distanceMeters(4125).tipMinor(200).event();                           // 250 + 248 + 200 = 698
        EventEnvelope<OrderDelivered> newMonth = aDelivery().by(driver).at("2026-02-01T00:00:00Z")
                .distanceMeters(0).tipMinor(100).event();                              // 250 +   0 + 100 = 350
        EventEnvelope<OrderDelivered> republished = aDelivery().ofOrder(beforeMidnight.payload().orderId())
                .forCustomer(beforeMidnight.payload().customerId()).by(driver).at("2026-01-31T23:59:59Z")
                .distanceMeters(4125).tipMinor(200).event();

        for (EventEnvelope<OrderDelivered> event : List.of(lateEvening, morning, morning, beforeMidnight, newMonth,
                republished)) {
            publish(Topics.ORDER_DELIVERED, event);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(processed(republished.eventId())).as("the republished delivery was handled").isEqualTo(1);
            assertThat(lifetime(driver).path("deliveries").asLong()).isEqualTo(4);
        });
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> lifetime(driver).path("deliveries").asLong() == 4);
        assertThat(mongo.count(Query.query(Criteria.where("driverId").is(driver.id().toString())), "earnings"))
                .as("one earnings record per delivered order").isEqualTo(4);

        Response report = api.get(driver.path() + "/earnings?from=2026-01-30&to=2026-02-01", driver.token());

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.text("currency")).isEqualTo("EUR");
        JsonNode days = report.json().path("days");
        assertThat(days.valueStream().map(d -> d.path("date").asString()))
                .containsExactly("2026-01-30", "2026-01-31", "2026-02-01");
        assertAmounts(days.get(0), 1, 250, 141, 150, 541);
        assertAmounts(days.get(1), 2, 500, 308, 200, 1008);
        assertAmounts(days.get(2), 1, 250, 0, 100, 350);
        JsonNode months = report.json().path("months");
        assertThat(months.valueStream().map(m -> m.path("month").asString())).containsExactly("2026-01", "2026-02");
        assertAmounts(months.get(0), 3, 750, 449, 350, 1549);
        assertAmounts(months.get(1), 1, 250, 0, 100, 350);
        assertAmounts(report.json().path("lifetime"), 4, 1000, 449, 450, 1899);
    }

    @Test
    void aMonthlySummaryCoversTheWholeMonthsTheRangeTouches() {
        TestDriver driver = aDriver().approved().create();
        EventEnvelope<OrderDelivered> early = aDelivery().by(driver).at("2026-03-02T10:00:00Z").distanceMeters(1000)
                .event();
        EventEnvelope<OrderDelivered> later = aDelivery().by(driver).at("2026-03-20T10:00:00Z").distanceMeters(2000)
                .event();
        publish(Topics.ORDER_DELIVERED, early);
        publish(Topics.ORDER_DELIVERED, later);
        await().atMost(WAIT).untilAsserted(() -> assertThat(lifetime(driver).path("deliveries").asLong()).isEqualTo(2));

        Response report = api.get(driver.path() + "/earnings?from=2026-03-20&to=2026-03-20", driver.token());

        assertThat(report.json().path("days").size()).isEqualTo(1);
        assertAmounts(report.json().path("days").get(0), 1, 250, 120, 0, 370);
        assertAmounts(report.json().path("months").get(0), 2, 500, 180, 0, 680);
    }

    @Test
    void withoutARangeTheLastSevenDaysAreShownDayByDay() {
        TestDriver driver = aDriver().approved().create();

        Response report = api.get(driver.path() + "/earnings", driver.token());

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text("to")).isEqualTo(today().toString());
        assertThat(report.json().path("days").size()).isEqualTo(7);
        assertAmounts(report.json().path("lifetime"), 0, 0, 0, 0, 0);
    }

    @Test
    void earningsAreForTheDriverAndAdminsOnly() {
        TestDriver driver = aDriver().approved().create();
        TestDriver other = aDriver().approved().create();

        assertThat(api.get(driver.path() + "/earnings", other.token()).status()).isEqualTo(403);
        assertThat(api.get(driver.path() + "/earnings", customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(driver.path() + "/earnings", null).status()).isEqualTo(401);
        assertThat(api.get(driver.path() + "/earnings", adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/drivers/" + UUID.randomUUID() + "/earnings", adminToken()).status())
                .isEqualTo(404);
    }

    @Test
    void nonsenseRangesAreBadRequests() {
        TestDriver driver = aDriver().approved().create();

        Response backwards = api.get(driver.path() + "/earnings?from=2026-02-01&to=2026-01-01", driver.token());
        Response tooLong = api.get(driver.path() + "/earnings?from=2024-01-01&to=2026-01-01", driver.token());
        Response notADate = api.get(driver.path() + "/earnings?from=yesterday", driver.token());

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("type")).isEqualTo("/problems/invalid-range");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(notADate.status()).isEqualTo(400);
    }

    private JsonNode lifetime(TestDriver driver) {
        return api.get(driver.path() + "/earnings", adminToken()).json().path("lifetime");
    }

    private long processed(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id = ?", Long.class, eventId);
    }

    private static void assertAmounts(JsonNode totals, long deliveries, long base, long distance, long tip,
            long total) {
        assertThat(totals.path("deliveries").asLong()).as("deliveries").isEqualTo(deliveries);
        assertThat(totals.path("baseMinor").asLong()).as("base").isEqualTo(base);
        assertThat(totals.path("distanceMinor").asLong()).as("distance part").isEqualTo(distance);
        assertThat(totals.path("tipMinor").asLong()).as("tips").isEqualTo(tip);
        assertThat(totals.path("totalMinor").asLong()).as("total").isEqualTo(total);
    }
}
