package com.delivery.order.app;

import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.ReportingPeriod;
import com.delivery.order.domain.AnalyticsGrouping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's order analytics over a date range: orders, revenue and platform fees, and the average delivery time,
 * in total and per bucket (category, hour of day, day of week, city or named region). The store aggregates; this
 * class validates the question and shapes the answer.
 *
 * <p>Which orders: those created in {@code [from, to)}, in any status. {@code orders} counts them all (cancelled
 * ones included, so demand stays visible); {@code delivered} and {@code cancelled} count those in that status now.
 * Money and delivery times come from DELIVERED orders only: a cancelled order never counts as revenue, nor does one
 * still under way.
 */
@Service
public class OrderAnalytics {

    /** The longest range one report covers. */

    private final OrderFigures figures;

    OrderAnalytics(OrderFigures figures) {
        this.figures = figures;
    }

    /**
     * @param from    inclusive: an ISO instant ({@code 2026-03-01T00:00:00Z}, or with an offset) or an ISO date
     *                (midnight starting that day in {@code zone})
     * @param to      exclusive, same forms ({@code to=2026-04-01} ends with the last moment of March 31)
     * @param zone    IANA time zone id, {@code UTC} when blank
     * @param groupBy {@link AnalyticsGrouping#parameter()}, {@code category} when blank
     */
    @Transactional(readOnly = true)
    public Report report(String from, String to, String zone, String groupBy) {
        ReportingPeriod period = ReportingPeriod.parse(from, to, zone);
        ZoneId zoneId = period.zone();
        AnalyticsGrouping grouping = groupBy == null || groupBy.isBlank() ? AnalyticsGrouping.CATEGORY
                : AnalyticsGrouping.fromParameter(groupBy).orElseThrow(() -> ApiException.badRequest("invalid-group-by",
                        "groupBy must be one of " + AnalyticsGrouping.parameters()));
        Instant start = period.from();
        Instant end = period.to();
        List<OrderFigures.Row> totals = figures.aggregate(start, end, zoneId, null);
        List<OrderFigures.Row> grouped = figures.aggregate(start, end, zoneId, grouping);
        Bucket total = bucket(null, totals);
        return new Report(start, end, zoneId.getId(), grouping.parameter(), total, buckets(grouping, grouped));
    }

    // ---- answer ------------------------------------------------------------------------------------------------

    /**
     * @param from    the range's start (inclusive) as an instant
     * @param to      the range's end (exclusive)
     * @param total   everything in the range in one bucket (key {@code null})
     * @param buckets by {@code groupBy}; hours 0-23 and days MONDAY-SUNDAY always all present
     */
    public record Report(Instant from, Instant to, String zone, String groupBy, Bucket total, List<Bucket> buckets) {
    }

    /**
     * @param key                    category, hour ("0"-"23"), day ("MONDAY"-"SUNDAY"), city or region name;
     *                               {@code null} = no city known / in no named region (and for the total)
     * @param orders                 orders created in the range, any status (cancelled included)
     * @param delivered              of which DELIVERED
     * @param cancelled              of which CANCELLED
     * @param averageDeliverySeconds mean time from PLACED to DELIVERED of the delivered orders; {@code null} if none
     * @param revenue                per currency, DELIVERED orders only
     */
    public record Bucket(String key, long orders, long delivered, long cancelled, Double averageDeliverySeconds,
            List<Money> revenue) {
    }

    /**
     * Money of the delivered orders in one currency, in minor units.
     *
     * @param revenueMinor      items + delivery fees (what the orders earned; tips go to drivers, tax to the state)
     * @param platformFeesMinor the platform's share, taken out of the vendors' item revenue
     * @param refundedMinor     refunded to customers on these orders so far
     */
    public record Money(String currency, long delivered, long revenueMinor, long itemsMinor, long deliveryFeesMinor,
            long tipsMinor, long taxMinor, long platformFeesMinor, long refundedMinor) {
    }

    private static List<Bucket> buckets(AnalyticsGrouping grouping, List<OrderFigures.Row> rows) {
        Map<String, List<OrderFigures.Row>> byKey = new LinkedHashMap<>();
        for (OrderFigures.Row row : rows) {
            byKey.computeIfAbsent(row.bucket(), k -> new ArrayList<>()).add(row);
        }
        List<Bucket> buckets = new ArrayList<>();
        switch (grouping) {
            case HOUR_OF_DAY -> {
                for (int hour = 0; hour < 24; hour++) {
                    buckets.add(bucket(Integer.toString(hour), byKey.getOrDefault(Integer.toString(hour), List.of())));
                }
            }
            case DAY_OF_WEEK -> {
                for (DayOfWeek day : DayOfWeek.values()) {
                    buckets.add(bucket(day.name(), byKey.getOrDefault(Integer.toString(day.getValue()), List.of())));
                }
            }
            case CATEGORY, CITY, REGION -> {
                byKey.forEach((key, keyed) -> buckets.add(bucket(key, keyed)));
                buckets.sort(Comparator.comparing(Bucket::key, Comparator.nullsLast(Comparator.naturalOrder())));
            }
        }
        return List.copyOf(buckets);
    }

    private static Bucket bucket(String key, List<OrderFigures.Row> rows) {
        long orders = 0;
        long delivered = 0;
        long cancelled = 0;
        long timed = 0;
        BigDecimal seconds = BigDecimal.ZERO;
        List<Money> money = new ArrayList<>();
        for (OrderFigures.Row row : rows.stream().sorted(Comparator.comparing(OrderFigures.Row::currency)).toList()) {
            orders += row.orders();
            delivered += row.delivered();
            cancelled += row.cancelled();
            timed += row.timedDeliveries();
            seconds = seconds.add(Objects.requireNonNullElse(row.deliverySeconds(), BigDecimal.ZERO));
            if (row.delivered() > 0) {
                money.add(new Money(row.currency(), row.delivered(),
                        Math.addExact(row.itemsMinor(), row.deliveryFeesMinor()), row.itemsMinor(),
                        row.deliveryFeesMinor(), row.tipsMinor(), row.taxMinor(), row.platformFeesMinor(),
                        row.refundedMinor()));
            }
        }
        Double average = timed == 0 ? null
                : seconds.divide(BigDecimal.valueOf(timed), 3, RoundingMode.HALF_EVEN).doubleValue();
        return new Bucket(key, orders, delivered, cancelled, average, List.copyOf(money));
    }

    // ---- question ----------------------------------------------------------------------------------------------

}
