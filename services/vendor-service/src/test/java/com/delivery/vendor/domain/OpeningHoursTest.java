package com.delivery.vendor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A Tokyo izakaya open Friday 18:00 until Saturday 02:00, local time. */
    private static final List<OpeningWindow> FRIDAY_NIGHT = List.of(
            new OpeningWindow(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(2, 0)));

    private static Instant tokyo(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, TOKYO).toInstant();
    }

    @Test
    void aWindowPastMidnightIsOpenAfterMidnightOnTheNextLocalDay() {
        // 2026-03-13 is a Friday
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, List.of(), TOKYO, tokyo(2026, 3, 13, 23, 30))).isTrue();
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, List.of(), TOKYO, tokyo(2026, 3, 14, 1, 59))).isTrue();
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, List.of(), TOKYO, tokyo(2026, 3, 14, 2, 0))).isFalse();
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, List.of(), TOKYO, tokyo(2026, 3, 13, 17, 59))).isFalse();
    }

    @Test
    void theVendorsTimeZoneDecidesNotUtc() {
        // Saturday 01:00 in Tokyo is Friday 16:00 UTC: open, although in UTC it is still Friday afternoon
        Instant fridayAfternoonUtc = Instant.parse("2026-03-13T16:00:00Z");
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, List.of(), TOKYO, fridayAfternoonUtc)).isTrue();
        // and Friday 19:00 UTC is Saturday 04:00 in Tokyo: closed
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, List.of(), TOKYO, Instant.parse("2026-03-13T19:00:00Z")))
                .isFalse();
    }

    @Test
    void sundayNightRunsIntoMonday() {
        List<OpeningWindow> sundayLate = List.of(new OpeningWindow(DayOfWeek.SUNDAY, LocalTime.of(22, 0),
                LocalTime.of(3, 0)));
        // 2026-03-16 is a Monday
        assertThat(OpeningHours.isOpenAt(sundayLate, List.of(), NEW_YORK,
                ZonedDateTime.of(2026, 3, 16, 2, 30, 0, 0, NEW_YORK).toInstant())).isTrue();
        assertThat(OpeningHours.isOpenInRanges(OpeningHours.weekRanges(sundayLate), List.of(), NEW_YORK,
                ZonedDateTime.of(2026, 3, 16, 2, 30, 0, 0, NEW_YORK).toInstant())).isTrue();
        assertThat(OpeningHours.weekRanges(sundayLate)).hasSize(2);
    }

    @Test
    void localHoursHoldAcrossADaylightSavingChange() {
        List<OpeningWindow> mornings = List.of(
                new OpeningWindow(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new OpeningWindow(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        // New York moves from EST (UTC-5) to EDT (UTC-4) on Sunday 2026-03-08
        assertThat(OpeningHours.isOpenAt(mornings, List.of(), NEW_YORK, Instant.parse("2026-03-07T14:30:00Z")))
                .as("Saturday 09:30 EST").isTrue();
        assertThat(OpeningHours.isOpenAt(mornings, List.of(), NEW_YORK, Instant.parse("2026-03-08T13:30:00Z")))
                .as("Sunday 09:30 EDT").isTrue();
        assertThat(OpeningHours.isOpenAt(mornings, List.of(), NEW_YORK, Instant.parse("2026-03-08T12:30:00Z")))
                .as("Sunday 08:30 EDT").isFalse();
    }

    @Test
    void aSpecialClosureClosesTheWholeLocalDay() {
        List<SpecialClosure> closed = List.of(new SpecialClosure(LocalDate.of(2026, 3, 13), null, "Staff party"));
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, closed, TOKYO, tokyo(2026, 3, 13, 20, 0))).isFalse();
        assertThat(OpeningHours.isOpenAt(FRIDAY_NIGHT, closed, TOKYO, tokyo(2026, 3, 20, 20, 0)))
                .as("next Friday").isTrue();
    }

    @Test
    void equalOpeningAndClosingMeansAroundTheClock() {
        List<OpeningWindow> allDay = List.of(new OpeningWindow(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        assertThat(OpeningHours.isOpenAt(allDay, List.of(), TOKYO, tokyo(2026, 3, 16, 23, 59))).isTrue();
        assertThat(OpeningHours.isOpenAt(allDay, List.of(), TOKYO, tokyo(2026, 3, 17, 0, 0))).isFalse();
    }

    @Test
    void overlappingWindowsAreRefusedButTouchingOnesAreFine() {
        OpeningHours.requireNoOverlap(List.of(
                new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)),
                new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(22, 0))));

        assertThatThrownBy(() -> OpeningHours.requireNoOverlap(List.of(
                new OpeningWindow(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(3, 0)),
                new OpeningWindow(DayOfWeek.SATURDAY, LocalTime.of(1, 0), LocalTime.of(5, 0)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> OpeningHours.requireNoOverlap(List.of(
                new OpeningWindow(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.of(4, 0)),
                new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(3, 0), LocalTime.of(9, 0)))))
                .as("across the week boundary").isInstanceOf(InvalidInputException.class);
    }
}
