package com.delivery.order.app;

import com.delivery.order.domain.AnalyticsGrouping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Aggregated order figures, computed by the store (never by loading the orders). */
public interface OrderFigures {

    /**
     * The orders created in {@code [from, to)}, grouped by bucket and currency.
     *
     * @param grouping {@code null} for one bucket (key {@code null}) holding everything
     * @param zone     time zone of hour of day and day of week
     */
    List<Row> aggregate(Instant from, Instant to, ZoneId zone, AnalyticsGrouping grouping);

    /**
     * One bucket in one currency. Money and delivery times are of the DELIVERED orders only.
     *
     * @param bucket          category, hour (0-23), ISO day of week (1-7), city or region name; {@code null} for
     *                        none
     * @param deliverySeconds sum of placed → delivered over the {@code timedDeliveries} delivered orders whose
     *                        timeline has both moves
     */
    record Row(String bucket, String currency, long orders, long delivered, long cancelled, long itemsMinor,
            long deliveryFeesMinor, long tipsMinor, long taxMinor, long platformFeesMinor, long refundedMinor,
            BigDecimal deliverySeconds, long timedDeliveries) {
    }
}
