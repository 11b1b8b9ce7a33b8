package com.delivery.vendor.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pure "open now" rule. The weekly schedule is read in the vendor's own time zone (so DST and the caller's
 * zone do not matter), windows may run past midnight (and past Sunday into Monday), and a special closure closes
 * the whole local day it covers, including the after-midnight tail of the previous evening's window.
 */
public final class OpeningHours {

    private OpeningHours() {
    }

    public static boolean isOpenAt(List<OpeningWindow> weekly, List<SpecialClosure> closures, ZoneId zone,
            Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (closures.stream().anyMatch(c -> c.covers(local.toLocalDate()))) {
            return false;
        }
        int minute = minuteOfWeek(local);
        return weekly.stream().anyMatch(w -> w.covers(minute));
    }

    /** Same rule over precomputed week ranges [start, end) within 0..10080 (as stored in the search index). */
    public static boolean isOpenInRanges(List<int[]> weekRanges, List<Instant[]> closedIntervals, ZoneId zone, Instant at) {
        if (closedIntervals.stream().anyMatch(c -> !at.isBefore(c[0]) && at.isBefore(c[1]))) {
            return false;
        }
        int minute = minuteOfWeek(at.atZone(zone));
        return weekRanges.stream().anyMatch(r -> minute >= r[0] && minute < r[1]);
    }

    public static int minuteOfWeek(ZonedDateTime local) {
        return (local.getDayOfWeek().getValue() - 1) * OpeningWindow.MINUTES_PER_DAY + local.getHour() * 60
                + local.getMinute();
    }

    /** The schedule as ranges [start, end) inside one week, a window wrapping past Sunday split in two. */
    public static List<int[]> weekRanges(List<OpeningWindow> weekly) {
        List<int[]> ranges = new ArrayList<>();
        for (OpeningWindow w : weekly) {
            int start = w.startMinuteOfWeek();
            int end = w.endMinuteOfWeek();
            if (end <= OpeningWindow.MINUTES_PER_WEEK) {
                ranges.add(new int[] {start, end});
            } else {
                ranges.add(new int[] {start, OpeningWindow.MINUTES_PER_WEEK});
                ranges.add(new int[] {0, end - OpeningWindow.MINUTES_PER_WEEK});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        return ranges;
    }

    /**
     * The special closures as absolute intervals [start, end) in the vendor's time zone (as stored in the search
     * index and published in the catalog snapshot), in the order given.
     */
    public static List<Instant[]> closedIntervals(List<SpecialClosure> closures, ZoneId zone) {
        return closures.stream().map(c -> new Instant[] {c.startIn(zone), c.endIn(zone)}).toList();
    }

    /** Refuses windows that overlap each other (touching is fine: 10:00-14:00 and 14:00-22:00). */
    public static void requireNoOverlap(List<OpeningWindow> weekly) {
        List<int[]> ranges = weekRanges(weekly);
        int reach = -1;
        for (int[] range : ranges) {
            if (range[0] < reach) {
                throw new InvalidInputException("overlapping-hours", "weekly",
                        "Opening windows overlap around " + describe(range[0]));
            }
            reach = Math.max(reach, range[1]);
        }
    }

    private static String describe(int minuteOfWeek) {
        java.time.DayOfWeek day = java.time.DayOfWeek.of(minuteOfWeek / OpeningWindow.MINUTES_PER_DAY + 1);
        int m = minuteOfWeek % OpeningWindow.MINUTES_PER_DAY;
        return day + " " + String.format("%02d:%02d", m / 60, m % 60);
    }
}
