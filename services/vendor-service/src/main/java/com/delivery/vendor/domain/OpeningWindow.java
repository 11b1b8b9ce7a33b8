package com.delivery.vendor.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One opening window of the weekly schedule, in the vendor's local time. A window whose {@code closes} is not after
 * {@code opens} runs past midnight into the next day (Friday 18:00-02:00 ends Saturday 02:00); equal times mean the
 * whole 24 hours.
 */
@Embeddable
public class OpeningWindow {

    public static final int MINUTES_PER_DAY = 24 * 60;
    public static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek day;

    @Column(nullable = false)
    private LocalTime opens;

    @Column(nullable = false)
    private LocalTime closes;

    protected OpeningWindow() {
    }

    public OpeningWindow(DayOfWeek day, LocalTime opens, LocalTime closes) {
        this.day = Objects.requireNonNull(day, "day");
        this.opens = Objects.requireNonNull(opens, "opens").withSecond(0).withNano(0);
        this.closes = Objects.requireNonNull(closes, "closes").withSecond(0).withNano(0);
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    public boolean crossesMidnight() {
        return !closes.isAfter(opens);
    }

    /** Minutes since Monday 00:00 local at which the window opens. */
    public int startMinuteOfWeek() {
        return (day.getValue() - 1) * MINUTES_PER_DAY + opens.getHour() * 60 + opens.getMinute();
    }

    public int durationMinutes() {
        int open = opens.getHour() * 60 + opens.getMinute();
        int close = closes.getHour() * 60 + closes.getMinute();
        return close > open ? close - open : close - open + MINUTES_PER_DAY;
    }

    /** Exclusive end in minutes since Monday 00:00; may exceed one week when Sunday's window runs into Monday. */
    public int endMinuteOfWeek() {
        return startMinuteOfWeek() + durationMinutes();
    }

    public boolean covers(int minuteOfWeek) {
        int start = startMinuteOfWeek();
        int end = endMinuteOfWeek();
        return (minuteOfWeek >= start && minuteOfWeek < end)
                || (minuteOfWeek + MINUTES_PER_WEEK >= start && minuteOfWeek + MINUTES_PER_WEEK < end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningWindow w && w.day == day && w.opens.equals(opens) && w.closes.equals(closes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, opens, closes);
    }

    @Override
    public String toString() {
        return day + " " + opens + "-" + closes;
    }
}
