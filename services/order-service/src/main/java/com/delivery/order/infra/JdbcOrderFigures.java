package com.delivery.order.infra;

import com.delivery.order.app.OrderFigures;
import com.delivery.order.domain.AnalyticsGrouping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order analytics as one {@code GROUP BY} in PostgreSQL. Hour of day and day of week come from
 * {@code created_at AT TIME ZONE :zone}; the delivery time of a delivered order from its timeline (first move to
 * PLACED, last move to DELIVERED); regions by {@code ST_Covers} of the named polygon over the vendor's pickup point.
 * The bucket expression is picked from a fixed set, never built from input.
 */
@Component
class JdbcOrderFigures implements OrderFigures {

    private static final String SQL = """
            SELECT %s AS bucket, o.currency,
                   count(*) AS orders,
                   count(*) FILTER (WHERE o.status = 'DELIVERED') AS delivered,
                   count(*) FILTER (WHERE o.status = 'CANCELLED') AS cancelled,
                   coalesce(sum(o.subtotal_minor) FILTER (WHERE o.status = 'DELIVERED'), 0) AS items,
                   coalesce(sum(o.delivery_fee_minor) FILTER (WHERE o.status = 'DELIVERED'), 0) AS delivery_fees,
                   coalesce(sum(o.tip_minor) FILTER (WHERE o.status = 'DELIVERED'), 0) AS tips,
                   coalesce(sum(o.tax_minor) FILTER (WHERE o.status = 'DELIVERED'), 0) AS tax,
                   coalesce(sum(o.platform_fee_minor) FILTER (WHERE o.status = 'DELIVERED'), 0) AS platform_fees,
                   coalesce(sum(o.refunded_minor) FILTER (WHERE o.status = 'DELIVERED'), 0) AS refunded,
                   coalesce(sum(extract(epoch FROM t.delivered_at - t.placed_at))
                            FILTER (WHERE t.placed_at IS NOT NULL AND t.delivered_at IS NOT NULL), 0) AS delivery_seconds,
                   count(*) FILTER (WHERE t.placed_at IS NOT NULL AND t.delivered_at IS NOT NULL) AS timed
              FROM orders o
              %s
              LEFT JOIN LATERAL (
                   SELECT min(e.occurred_at) FILTER (WHERE e.to_status = 'PLACED') AS placed_at,
                          max(e.occurred_at) FILTER (WHERE e.to_status = 'DELIVERED') AS delivered_at
                     FROM order_events e
                    WHERE e.order_id = o.id AND e.kind = 'STATUS_CHANGED' AND o.status = 'DELIVERED'
                   ) t ON TRUE
             WHERE o.created_at >= :from AND o.created_at < :to
             GROUP BY 1, 2
             ORDER BY 1, 2
            """;

    private static final String REGION_JOIN = "LEFT JOIN regions r ON ST_Covers(r.boundary, "
            + "ST_SetSRID(ST_MakePoint(o.vendor_lng, o.vendor_lat), 4326))";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcOrderFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> aggregate(Instant from, Instant to, ZoneId zone, AnalyticsGrouping grouping) {
        String bucket = grouping == null ? "CAST(NULL AS text)" : switch (grouping) {
            case CATEGORY -> "o.category";
            case HOUR_OF_DAY -> "CAST(extract(hour FROM o.created_at AT TIME ZONE :zone) AS int)::text";
            case DAY_OF_WEEK -> "CAST(extract(isodow FROM o.created_at AT TIME ZONE :zone) AS int)::text";
            case CITY -> "o.vendor_city";
            case REGION -> "r.name";
        };
        String join = grouping == AnalyticsGrouping.REGION ? REGION_JOIN : "";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .addValue("zone", zone.getId());
        return jdbc.query(SQL.formatted(bucket, join), params, (rs, n) -> new Row(
                rs.getString("bucket"), rs.getString("currency"), rs.getLong("orders"), rs.getLong("delivered"),
                rs.getLong("cancelled"), rs.getLong("items"), rs.getLong("delivery_fees"), rs.getLong("tips"),
                rs.getLong("tax"), rs.getLong("platform_fees"), rs.getLong("refunded"),
                rs.getBigDecimal("delivery_seconds"), rs.getLong("timed")));
    }
}
