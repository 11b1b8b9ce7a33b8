package com.delivery.driver.app;

import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.Drivers;
import com.delivery.driver.domain.Shift;
import com.delivery.driver.domain.Utilization;
import com.delivery.driver.domain.Utilization.Span;
import com.delivery.kit.web.ReportingPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Driver utilization over a range: time on deliveries / time online, for the whole fleet and per driver.
 *
 * <p>Time online = the recorded shifts (MongoDB) plus the current shift of drivers online now (until now). Time on
 * deliveries = assignments from acceptance until delivered or cancelled (until now while still under way), counted
 * only while the driver was online. Every period is clipped to {@code [from, to)}. Shifts and assignments are read as
 * two streams ordered by driver and merged one driver at a time, so only one driver's periods are ever in memory.
 */
@Service
public class DriverAnalytics {


    private final ShiftLog shifts;
    private final DeliveryPeriods deliveries;
    private final Drivers drivers;
    private final ServiceClock clock;

    DriverAnalytics(ShiftLog shifts, DeliveryPeriods deliveries, Drivers drivers, ServiceClock clock) {
        this.shifts = shifts;
        this.deliveries = deliveries;
        this.drivers = drivers;
        this.clock = clock;
    }

    /**
     * @param from         the range's start (inclusive) as an instant
     * @param to           its end (exclusive)
     * @param overall      the fleet: drivers with time online or on deliveries in the range, and their sums
     * @param drivers      one page of drivers, highest utilization first (drivers without time online last)
     * @param totalDrivers drivers in the report (all pages)
     */
    public record Report(Instant from, Instant to, Overall overall, List<DriverUtilization> drivers, int page,
            int size, long totalDrivers) {
    }

    /**
     * @param utilization deliverySeconds / onlineSeconds; {@code null} without time online
     * @param deliveries  orders delivered within the range
     */
    public record Overall(long drivers, double onlineSeconds, double deliverySeconds, Double utilization,
            long deliveries) {
    }

    /** @param fullName {@code null} for a driver unknown to this service */
    public record DriverUtilization(UUID driverId, String fullName, double onlineSeconds, double deliverySeconds,
            Double utilization, long deliveries) {
    }

    private record Measured(String driverId, Utilization utilization, long deliveries) {
    }

    /**
     * @param from inclusive; ISO instant or ISO date (midnight starting that day in {@code zone})
     * @param to   exclusive; same forms
     * @param zone IANA zone for dates; UTC when blank
     */
    @Transactional(readOnly = true)
    public Report utilization(String from, String to, String zone, int page, int size) {
        ReportingPeriod period = ReportingPeriod.parse(from, to, zone);
        Instant start = period.from();
        Instant end = period.to();
        Instant now = clock.now();
        List<Measured> measured = measure(start, end, now);

        Utilization fleet = measured.stream().map(Measured::utilization).reduce(new Utilization(0, 0),
                Utilization::plus);
        long delivered = measured.stream().mapToLong(Measured::deliveries).sum();
        Overall overall = new Overall(measured.size(), seconds(fleet.onlineMillis()), seconds(fleet.deliveryMillis()),
                fleet.ratio(), delivered);

        List<Measured> ranked = measured.stream().sorted(Comparator
                        .comparing((Measured m) -> m.utilization().ratio(),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(m -> m.utilization().onlineMillis(), Comparator.reverseOrder())
                        .thenComparing(Measured::driverId))
                .skip((long) page * size).limit(size).toList();
        Map<UUID, String> names = drivers.findAllById(ranked.stream().map(m -> UUID.fromString(m.driverId())).toList())
                .stream().collect(Collectors.toMap(Driver::id, Driver::fullName));
        List<DriverUtilization> rows = ranked.stream().map(m -> new DriverUtilization(UUID.fromString(m.driverId()),
                names.get(UUID.fromString(m.driverId())), seconds(m.utilization().onlineMillis()),
                seconds(m.utilization().deliveryMillis()), m.utilization().ratio(), m.deliveries())).toList();
        return new Report(start, end, overall, rows, page, size, measured.size());
    }

    private List<Measured> measure(Instant from, Instant to, Instant now) {
        // drivers online now: their current shift is no document yet
        Map<String, Span> current = new HashMap<>();
        for (Driver driver : drivers.findByOnlineTrueAndOnlineSinceBefore(to)) {
            if (driver.onlineSince().isBefore(now)) {
                current.put(driver.id().toString(), new Span(driver.onlineSince(), now));
            }
        }
        List<Measured> measured = new ArrayList<>();
        try (Stream<Shift> shiftStream = shifts.overlappingAll(from, to);
                Stream<DeliveryPeriods.Period> periodStream = deliveries.overlapping(from, to)) {
            Ordered<Shift> shiftsByDriver = new Ordered<>(shiftStream.iterator(), s -> s.driverId().toString());
            Ordered<DeliveryPeriods.Period> periodsByDriver = new Ordered<>(periodStream.iterator(),
                    p -> p.driverId().toString());
            while (shiftsByDriver.hasNext() || periodsByDriver.hasNext()) {
                String driverId = min(shiftsByDriver.nextKey(), periodsByDriver.nextKey());
                List<Span> online = new ArrayList<>(shiftsByDriver.takeAll(driverId).stream()
                        .map(s -> new Span(s.startedAt(), s.endedAt())).toList());
                Span ongoing = current.remove(driverId);
                if (ongoing != null) {
                    online.add(ongoing);
                }
                List<DeliveryPeriods.Period> periods = periodsByDriver.takeAll(driverId);
                measured.add(measured(driverId, online, periods, from, to, now));
            }
        }
        current.forEach((driverId, span) -> measured.add(measured(driverId, List.of(span), List.of(), from, to, now)));
        return measured;
    }

    private static Measured measured(String driverId, List<Span> online, List<DeliveryPeriods.Period> periods,
            Instant from, Instant to, Instant now) {
        List<Span> busy = periods.stream()
                .map(p -> new Span(p.assignedAt(), p.endedAt() != null ? p.endedAt() : now)).toList();
        long delivered = periods.stream().filter(p -> p.delivered() && p.endedAt() != null
                && !p.endedAt().isBefore(from) && p.endedAt().isBefore(to)).count();
        return new Measured(driverId, Utilization.measure(online, busy, from, to), delivered);
    }

    private static String min(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    /** A stream ordered by a text key, taken one key at a time; refuses a stream that is not in order. */
    private static final class Ordered<T> {

        private final Iterator<T> items;
        private final Function<T, String> key;
        private T head;

        Ordered(Iterator<T> items, Function<T, String> key) {
            this.items = items;
            this.key = key;
            this.head = items.hasNext() ? items.next() : null;
        }

        boolean hasNext() {
            return head != null;
        }

        String nextKey() {
            return head == null ? null : key.apply(head);
        }

        List<T> takeAll(String wanted) {
            List<T> taken = new ArrayList<>();
            while (head != null && key.apply(head).equals(wanted)) {
                taken.add(head);
                head = items.hasNext() ? items.next() : null;
            }
            if (head != null && key.apply(head).compareTo(wanted) < 0) {
                throw new IllegalStateException("Periods out of driver order: " + key.apply(head) + " after " + wanted);
            }
            return taken;
        }
    }

    // ---- question ----------------------------------------------------------------------------------------------

}
