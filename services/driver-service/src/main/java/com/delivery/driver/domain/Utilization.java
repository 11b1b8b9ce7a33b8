package com.delivery.driver.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How much of a driver's time online went to deliveries over {@code [from, to)}: the online periods and the delivery
 * periods are clipped to the range and merged (overlaps count once); delivery time counts only while online, so the
 * ratio never exceeds 1. Milliseconds, as stored.
 *
 * @param onlineMillis   time online within the range
 * @param deliveryMillis time on deliveries while online within the range
 */
public record Utilization(long onlineMillis, long deliveryMillis) {

    /** A period from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Span(Instant start, Instant end) {

        public Span {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    public static Utilization measure(List<Span> online, List<Span> deliveries, Instant from, Instant to) {
        List<Span> onlineUnion = union(online, from, to);
        List<Span> deliveryUnion = union(deliveries, from, to);
        long onlineMillis = onlineUnion.stream().mapToLong(Utilization::millis).sum();
        long overlap = 0;
        int i = 0;
        int j = 0;
        while (i < onlineUnion.size() && j < deliveryUnion.size()) {
            Span a = onlineUnion.get(i);
            Span b = deliveryUnion.get(j);
            Instant start = later(a.start(), b.start());
            Instant end = earlier(a.end(), b.end());
            if (start.isBefore(end)) {
                overlap += end.toEpochMilli() - start.toEpochMilli();
            }
            if (a.end().isBefore(b.end())) {
                i++;
            } else {
                j++;
            }
        }
        return new Utilization(onlineMillis, overlap);
    }

    /** Delivery time / online time; {@code null} without time online. */
    public Double ratio() {
        return onlineMillis == 0 ? null : (double) deliveryMillis / onlineMillis;
    }

    public Utilization plus(Utilization other) {
        return new Utilization(Math.addExact(onlineMillis, other.onlineMillis),
                Math.addExact(deliveryMillis, other.deliveryMillis));
    }

    /** The spans clipped to {@code [from, to)}, empty ones dropped, sorted and merged where they overlap or touch. */
    static List<Span> union(List<Span> spans, Instant from, Instant to) {
        List<Span> clipped = new ArrayList<>();
        for (Span span : spans) {
            Instant start = later(span.start(), from);
            Instant end = earlier(span.end(), to);
            if (start.isBefore(end)) {
                clipped.add(new Span(start, end));
            }
        }
        clipped.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : clipped) {
            if (!merged.isEmpty() && !span.start().isAfter(merged.getLast().end())) {
                Span last = merged.removeLast();
                merged.add(new Span(last.start(), later(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static long millis(Span span) {
        return span.end().toEpochMilli() - span.start().toEpochMilli();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
