package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.driver.app.ShiftLog;
import com.delivery.driver.domain.Assignment;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.Shift;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Driver utilization against MongoDB (shifts) and PostgreSQL (assignments), with fixture periods on a random day
 * between 1971 and 2019 that no other test (or earlier run) uses, so the fleet figures of that day are exactly ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverAnalyticsIT extends DriverServiceTestBase {

    private static final String PATH = "/api/v1/admin/analytics/drivers";

    @Autowired
    ShiftLog shifts;

    @Autowired
    Assignments assignments;

    LocalDate day;
    TestDriver ada;
    UUID bo;

    @BeforeAll
    void fixtures() {
        api = ApiClient.onPort(port);
        day = LocalDate.ofEpochDay(ThreadLocalRandom.current().nextLong(LocalDate.of(1971, 1, 1).toEpochDay(),
                LocalDate.of(2019, 12, 31).toEpochDay()));
        // Ada: online 10:00-12:00 with one delivery 10:30-11:00
        ada = aDriver().create();
        shifts.record(new Shift(ada.id(), at(0, "10:00"), at(0, "12:00")));
        delivery(ada.id(), at(0, "10:30"), at(0, "11:00"), true);
        // Bo (unknown to the profile table): online 09:00-10:00 and 14:00-18:00; a delivery 09:30-10:30 of which
        // only 09:30-10:00 was online; a cancelled order 14:00-15:00 (time on it counts); one the day before
        bo = UUID.randomUUID();
        shifts.record(new Shift(bo, at(0, "09:00"), at(0, "10:00")));
        shifts.record(new Shift(bo, at(0, "14:00"), at(0, "18:00")));
        delivery(bo, at(0, "09:30"), at(0, "10:30"), true);
        delivery(bo, at(0, "14:00"), at(0, "15:00"), false);
        shifts.record(new Shift(bo, at(-1, "20:00"), at(-1, "21:00")));
        delivery(bo, at(-1, "20:10"), at(-1, "20:40"), true);
    }

    @Test
    void onlineTenToTwelveWithADeliveryTenThirtyToElevenIsAQuarter() {
        JsonNode report = report("from=" + at(0, "00:00") + "&to=" + at(1, "00:00"));

        JsonNode adaRow = row(report, ada.id());
        assertThat(adaRow.path("fullName").asString()).isEqualTo(ada.fullName());
        assertThat(adaRow.path("onlineSeconds").asDouble()).isEqualTo(7200.0);
        assertThat(adaRow.path("deliverySeconds").asDouble()).isEqualTo(1800.0);
        assertThat(adaRow.path("utilization").asDouble()).isEqualTo(0.25);
        assertThat(adaRow.path("deliveries").asLong()).isEqualTo(1);

        JsonNode boRow = row(report, bo);
        assertThat(boRow.path("fullName").isNull()).isTrue();
        assertThat(boRow.path("onlineSeconds").asDouble()).isEqualTo(18000.0);
        // 09:30-10:00 of the delivery (online) + 14:00-15:00 of the cancelled order
        assertThat(boRow.path("deliverySeconds").asDouble()).isEqualTo(5400.0);
        assertThat(boRow.path("utilization").asDouble()).isEqualTo(0.3);
        assertThat(boRow.path("deliveries").asLong()).isEqualTo(1);

        JsonNode overall = report.path("overall");
        assertThat(overall.path("drivers").asLong()).isEqualTo(2);
        assertThat(overall.path("onlineSeconds").asDouble()).isEqualTo(25200.0);
        assertThat(overall.path("deliverySeconds").asDouble()).isEqualTo(7200.0);
        assertThat(overall.path("utilization").asDouble()).isEqualTo(7200.0 / 25200.0);
        assertThat(overall.path("deliveries").asLong()).isEqualTo(2);
        assertThat(report.path("totalDrivers").asLong()).isEqualTo(2);

        // highest utilization first, paged
        assertThat(ids(report)).containsExactly(bo.toString(), ada.id().toString());
        assertThat(ids(report("from=" + at(0, "00:00") + "&to=" + at(1, "00:00") + "&size=1"))).containsExactly(bo.toString());
        assertThat(ids(report("from=" + at(0, "00:00") + "&to=" + at(1, "00:00") + "&size=1&page=1")))
                .containsExactly(ada.id().toString());
        // the same day given as dates (UTC)
        JsonNode byDates = report("from=" + day + "&to=" + day.plusDays(1));
        assertThat(byDates.path("from").asString()).isEqualTo(at(0, "00:00").toString());
        assertThat(byDates.path("overall")).isEqualTo(overall);
    }

    @Test
    void periodsAreClippedToTheRange() {
        // 10:45-11:30: Ada online 45 min, 15 of them delivering
        JsonNode middle = report("from=" + at(0, "10:45") + "&to=" + at(0, "11:30"));
        JsonNode adaRow = row(middle, ada.id());
        assertThat(adaRow.path("onlineSeconds").asDouble()).isEqualTo(2700.0);
        assertThat(adaRow.path("deliverySeconds").asDouble()).isEqualTo(900.0);
        assertThat(adaRow.path("utilization").asDouble()).isEqualTo(1.0 / 3);
        assertThat(adaRow.path("deliveries").asLong()).isEqualTo(1);
        assertThat(ids(middle)).containsExactly(ada.id().toString());

        // 11:00-13:00: Ada online one more hour, the delivery ended at 11:00 (in the range, but no time in it)
        JsonNode late = report("from=" + at(0, "11:00") + "&to=" + at(0, "13:00"));
        adaRow = row(late, ada.id());
        assertThat(adaRow.path("onlineSeconds").asDouble()).isEqualTo(3600.0);
        assertThat(adaRow.path("deliverySeconds").asDouble()).isEqualTo(0.0);
        assertThat(adaRow.path("utilization").asDouble()).isEqualTo(0.0);
        assertThat(adaRow.path("deliveries").asLong()).isEqualTo(1);

        // the day before until 09:45 of the day: Bo's evening shift and the first 45 minutes
        JsonNode spanning = report("from=" + at(-1, "00:00") + "&to=" + at(0, "09:45"));
        JsonNode boRow = row(spanning, bo);
        assertThat(boRow.path("onlineSeconds").asDouble()).isEqualTo(3600.0 + 2700.0);
        assertThat(boRow.path("deliverySeconds").asDouble()).isEqualTo(1800.0 + 900.0);
        assertThat(boRow.path("utilization").asDouble()).isEqualTo(2700.0 / 6300.0);
        assertThat(boRow.path("deliveries").asLong()).isEqualTo(1);
        assertThat(ids(spanning)).containsExactly(bo.toString());
    }

    @Test
    void anEmptyRangeHasZeros() {
        JsonNode report = report("from=" + at(-3, "00:00") + "&to=" + at(-2, "00:00"));
        JsonNode overall = report.path("overall");
        assertThat(overall.path("drivers").asLong()).isZero();
        assertThat(overall.path("onlineSeconds").asDouble()).isZero();
        assertThat(overall.path("deliverySeconds").asDouble()).isZero();
        assertThat(overall.path("utilization").isNull()).isTrue();
        assertThat(overall.path("deliveries").asLong()).isZero();
        assertThat(report.path("drivers")).isEmpty();
        assertThat(report.path("totalDrivers").asLong()).isZero();
    }

    @Test
    void aDriverOnlineNowCountsUntilNow() {
        GeoPosition somewhere = Places.somewhereRemote();
        TestDriver cy = aDriver().onlineAt(somewhere).create();
        Instant since = Instant.parse(driver(cy).text("onlineSince"));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        JsonNode row = null;
        for (int page = 0; row == null; page++) {
            JsonNode report = report("from=" + since.minusSeconds(3600) + "&to=" + since.plusSeconds(3600)
                    + "&size=100&page=" + page);
            assertThat(report.path("drivers")).as("driver %s on page %s", cy.id(), page).isNotEmpty();
            row = find(report, cy.id());
        }
        Instant after = clock.instant();
        double elapsedBefore = (before.toEpochMilli() - since.toEpochMilli()) / 1000.0;
        double elapsedAfter = (after.toEpochMilli() - since.toEpochMilli()) / 1000.0;
        assertThat(row.path("onlineSeconds").asDouble()).isBetween(elapsedBefore, elapsedAfter);
        assertThat(row.path("deliverySeconds").asDouble()).isZero();
        goOffline(cy);
    }

    @Test
    void onlyAdminsMayAsk() {
        String query = PATH + "?from=" + at(0, "00:00") + "&to=" + at(1, "00:00");
        assertThat(api.get(query, null).status()).isEqualTo(401);
        assertThat(api.get(query, ada.token()).status()).isEqualTo(403);
        assertThat(api.get(query, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(query, vendorToken()).status()).isEqualTo(403);
        assertThat(api.get("/api-docs", null).body()).contains("/api/v1/admin/analytics/drivers");
    }

    @Test
    void badRangesAre400Problems() {
        assertProblem(api.get(PATH + "?from=" + at(1, "00:00") + "&to=" + at(0, "00:00"), adminToken()),
                "invalid-range");
        assertProblem(api.get(PATH + "?to=" + at(0, "00:00"), adminToken()), "invalid-range");
        assertProblem(api.get(PATH + "?from=soon&to=" + at(0, "00:00"), adminToken()), "invalid-range");
        assertProblem(api.get(PATH + "?from=" + day + "&to=" + day.plusDays(367), adminToken()), "range-too-long");
        assertProblem(api.get(PATH + "?from=" + day + "&to=" + day.plusDays(1) + "&zone=Nowhere/Land", adminToken()),
                "invalid-zone");
        assertThat(api.get(PATH + "?from=" + day + "&to=" + day.plusDays(1) + "&size=101", adminToken()).status())
                .isEqualTo(400);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Instant at(int dayOffset, String time) {
        return day.plusDays(dayOffset).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    private void delivery(UUID driverId, Instant assignedAt, Instant endedAt, boolean delivered) {
        Assignment assignment = Assignment.start(UUID.randomUUID(), driverId, UUID.randomUUID(), UUID.randomUUID(),
                assignedAt);
        if (delivered) {
            assignment.delivered(endedAt);
        } else {
            assignment.cancelled(endedAt);
        }
        assignments.saveAndFlush(assignment);
    }

    private JsonNode report(String query) {
        Response response = api.get(PATH + "?" + query, adminToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("drivers").forEach(d -> ids.add(d.path("driverId").asString()));
        return ids;
    }

    private static JsonNode find(JsonNode report, UUID driverId) {
        for (JsonNode row : report.path("drivers")) {
            if (row.path("driverId").asString().equals(driverId.toString())) {
                return row;
            }
        }
        return null;
    }

    private static JsonNode row(JsonNode report, UUID driverId) {
        JsonNode row = find(report, driverId);
        assertThat(row).as("driver %s in %s", driverId, report).isNotNull();
        return row;
    }

    private static void assertProblem(Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/" + code);
    }
}
