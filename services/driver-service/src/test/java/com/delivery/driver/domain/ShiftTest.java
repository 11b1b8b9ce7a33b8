package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShiftTest {

    @Test
    void aShiftAcrossMidnightCountsForBothDays() {
        Shift shift = new Shift(UUID.randomUUID(), Instant.parse("2026-03-14T23:30:00Z"),
                Instant.parse("2026-03-15T01:00:00Z"));

        assertThat(shift.overlap(Instant.parse("2026-03-14T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z")))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(shift.overlap(Instant.parse("2026-03-15T00:00:00Z"), Instant.parse("2026-03-16T00:00:00Z")))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(shift.overlap(Instant.parse("2026-03-16T00:00:00Z"), Instant.parse("2026-03-17T00:00:00Z")))
                .isZero();
    }

    @Test
    void theSameShiftHasTheSameIdSoRecordingItTwiceStoresItOnce() {
        UUID driver = UUID.randomUUID();
        Instant start = Instant.parse("2026-03-14T10:00:00Z");

        assertThat(new Shift(driver, start, start.plusSeconds(60)).id())
                .isEqualTo(new Shift(driver, start, start.plusSeconds(60)).id());
        assertThat(new Shift(driver, start, start.minusSeconds(5)).duration()).as("never negative").isZero();
    }
}
