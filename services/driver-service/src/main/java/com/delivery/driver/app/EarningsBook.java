package com.delivery.driver.app;

import com.delivery.driver.domain.Earning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The earnings of deliveries (one record per delivered order) and their sums. */
public interface EarningsBook {

    /** Books a delivery; false if this order was booked before (a redelivered or republished event). */
    boolean record(Earning earning);

    /** Sums per UTC day ({@code yyyy-MM-dd}) of deliveries in {@code [from, to)}, by day. */
    List<Totals> daily(UUID driverId, Instant from, Instant to);

    /** Sums per UTC month ({@code yyyy-MM}) of deliveries in {@code [from, to)}, by month. */
    List<Totals> monthly(UUID driverId, Instant from, Instant to);

    /** Sums over every delivery of the driver. */
    Totals lifetime(UUID driverId);

    /** @param period the day, the month, or {@code lifetime} */
    record Totals(String period, long deliveries, long baseMinor, long distanceMinor, long tipMinor, long totalMinor) {

        public static Totals none(String period) {
            return new Totals(period, 0, 0, 0, 0, 0);
        }
    }
}
