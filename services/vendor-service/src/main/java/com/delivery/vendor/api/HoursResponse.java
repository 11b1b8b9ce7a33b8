package com.delivery.vendor.api;

import com.delivery.vendor.app.VendorView;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The weekly schedule in {@code timeZone}, special closures, and whether the vendor is open now. */
record HoursResponse(String timeZone, boolean openNow, List<Window> weekly, List<Closure> closures) {

    record Window(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    record Closure(LocalDate from, LocalDate to, String reason) {
    }

    static HoursResponse of(VendorView v, Instant now) {
        return new HoursResponse(v.timeZone(), v.isOpenAt(now),
                v.weeklyHours().stream().map(w -> new Window(w.day(), w.opens(), w.closes())).toList(),
                v.closures().stream().map(c -> new Closure(c.from(), c.to(), c.reason())).toList());
    }
}
