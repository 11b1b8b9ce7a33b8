package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.driver.domain.Utilization.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtilizationTest {

    private static final Instant FROM = at("00:00");
    private static final Instant TO = at("23:59");

    @Test
    void aHalfHourDeliveryInTwoHoursOnlineIsAQuarter() {
        Utilization u = Utilization.measure(List.of(span("10:00", "12:00")), List.of(span("10:30", "11:00")), FROM, TO);
        assertThat(u.onlineMillis()).isEqualTo(7_200_000);
        assertThat(u.deliveryMillis()).isEqualTo(1_800_000);
        assertThat(u.ratio()).isEqualTo(0.25);
    }

    @Test
    void everythingIsClippedToTheRange() {
        Utilization u = Utilization.measure(List.of(span("10:00", "12:00")), List.of(span("10:30", "11:00")),
                at("10:45"), at("11:30"));
        assertThat(u.onlineMillis()).isEqualTo(2_700_000);
        assertThat(u.deliveryMillis()).isEqualTo(900_000);
    }

    @Test
    void deliveryTimeCountsOnlyWhileOnlineSoTheRatioNeverExceedsOne() {
        Utilization u = Utilization.measure(List.of(span("10:00", "11:00")),
                List.of(span("09:00", "10:15"), span("10:45", "12:00")), FROM, TO);
        assertThat(u.deliveryMillis()).isEqualTo(1_800_000);
        assertThat(u.ratio()).isEqualTo(0.5);
    }

    @Test
    void overlappingPeriodsCountOnce() {
        Utilization u = Utilization.measure(List.of(span("10:00", "11:00"), span("10:30", "12:00"), span("12:00", "12:30")),
                List.of(span("10:00", "10:30"), span("10:15", "10:45")), FROM, TO);
        assertThat(u.onlineMillis()).isEqualTo(9_000_000);
        assertThat(u.deliveryMillis()).isEqualTo(2_700_000);
    }

    @Test
    void withoutTimeOnlineThereIsNoRatio() {
        Utilization u = Utilization.measure(List.of(span("08:00", "09:00")), List.of(span("10:00", "11:00")),
                at("09:30"), at("12:00"));
        assertThat(u.onlineMillis()).isZero();
        assertThat(u.deliveryMillis()).isZero();
        assertThat(u.ratio()).isNull();
        assertThat(u.plus(new Utilization(4000, 1000)).ratio()).isEqualTo(0.25);
    }

    private static Span span(String start, String end) {
        return new Span(at(start), at(end));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-14T" + time + ":00Z");
    }
}
