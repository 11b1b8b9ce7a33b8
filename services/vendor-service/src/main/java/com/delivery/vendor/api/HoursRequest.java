package com.delivery.vendor.api;

import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.SpecialClosure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The whole schedule, replacing the old one. A window whose {@code closes} is not after {@code opens} ends the next
 * day (FRIDAY 18:00-02:00). {@code timeZone} (IANA) changes the vendor's zone when given.
 */
record HoursRequest(
        @Size(max = 60) String timeZone,
        @NotNull @Size(max = 50) List<@Valid @NotNull Window> weekly,
        @Size(max = 100) List<@Valid @NotNull Closure> closures) {

    record Window(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    record Closure(@NotNull LocalDate from, LocalDate to, @Size(max = 200) String reason) {
    }

    List<OpeningWindow> windows() {
        return weekly.stream().map(w -> new OpeningWindow(w.day(), w.opens(), w.closes())).toList();
    }

    List<SpecialClosure> specialClosures() {
        return closures == null ? List.of()
                : closures.stream().map(c -> new SpecialClosure(c.from(), c.to(), c.reason())).toList();
    }
}
