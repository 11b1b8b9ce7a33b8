package com.delivery.vendor.infra;

import com.delivery.vendor.domain.OrderFacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One row per order, filled from whichever of its events arrives first: a delivered or cancelled order seen before
 * its {@code order.created} gets its creation details when that arrives, and a delivered order stays delivered.
 */
@Repository
class JdbcOrderFacts implements OrderFacts {

    private final JdbcTemplate jdbc;

    JdbcOrderFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordCreated(UUID orderId, UUID vendorId, UUID customerId, long subtotalMinor, String currency,
            Instant createdAt, List<Line> lines) {
        jdbc.update("""
                INSERT INTO order_facts (order_id, vendor_id, customer_id, status, subtotal_minor, currency, created_at,
                                         has_lines)
                VALUES (?, ?, ?, 'CREATED', ?, ?, ?, TRUE)
                ON CONFLICT (order_id) DO UPDATE
                   SET subtotal_minor = COALESCE(order_facts.subtotal_minor, EXCLUDED.subtotal_minor),
                       currency = COALESCE(order_facts.currency, EXCLUDED.currency),
                       created_at = EXCLUDED.created_at, has_lines = TRUE""",
                orderId, vendorId, customerId, subtotalMinor, currency, Timestamp.from(createdAt));
        jdbc.update("DELETE FROM order_fact_lines WHERE order_id = ?", orderId);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            jdbc.update("""
                    INSERT INTO order_fact_lines (order_id, line_no, menu_item_id, name, quantity, line_total_minor)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    orderId, i, line.menuItemId(), line.name(), line.quantity(), line.lineTotalMinor());
        }
    }

    @Override
    public void recordDelivered(UUID orderId, UUID vendorId, UUID customerId, long subtotalMinor, String currency,
            Instant at) {
        jdbc.update("""
                INSERT INTO order_facts (order_id, vendor_id, customer_id, status, subtotal_minor, currency, created_at,
                                         delivered_at)
                VALUES (?, ?, ?, 'DELIVERED', ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE
                   SET status = 'DELIVERED', subtotal_minor = EXCLUDED.subtotal_minor, currency = EXCLUDED.currency,
                       delivered_at = EXCLUDED.delivered_at""",
                orderId, vendorId, customerId, subtotalMinor, currency, Timestamp.from(at), Timestamp.from(at));
    }

    @Override
    public void recordCancelled(UUID orderId, UUID vendorId, UUID customerId, Instant at) {
        jdbc.update("""
                INSERT INTO order_facts (order_id, vendor_id, customer_id, status, created_at, cancelled_at)
                VALUES (?, ?, ?, 'CANCELLED', ?, ?)
                ON CONFLICT (order_id) DO UPDATE
                   SET status = CASE WHEN order_facts.status = 'DELIVERED' THEN 'DELIVERED' ELSE 'CANCELLED' END,
                       cancelled_at = EXCLUDED.cancelled_at""",
                orderId, vendorId, customerId, Timestamp.from(at), Timestamp.from(at));
    }

    @Override
    public Summary summarize(UUID vendorId, Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT count(*),
                       count(*) FILTER (WHERE status = 'DELIVERED'),
                       count(*) FILTER (WHERE status = 'CANCELLED'),
                       count(*) FILTER (WHERE status = 'CREATED'),
                       COALESCE(sum(subtotal_minor) FILTER (WHERE status = 'DELIVERED'), 0)
                  FROM order_facts WHERE vendor_id = ? AND created_at >= ? AND created_at < ?""",
                (rs, row) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                vendorId, Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public List<TopItem> topItems(UUID vendorId, Instant from, Instant to, int limit) {
        return jdbc.query("""
                SELECT l.menu_item_id, max(l.name), sum(l.quantity), sum(l.line_total_minor)
                  FROM order_fact_lines l JOIN order_facts f ON f.order_id = l.order_id
                 WHERE f.vendor_id = ? AND f.status = 'DELIVERED' AND f.created_at >= ? AND f.created_at < ?
                 GROUP BY l.menu_item_id
                 ORDER BY sum(l.quantity) DESC, sum(l.line_total_minor) DESC, l.menu_item_id
                 LIMIT ?""",
                (rs, row) -> new TopItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                vendorId, Timestamp.from(from), Timestamp.from(to), limit);
    }

    @Override
    public Map<Integer, Long> deliveredByHour(UUID vendorId, Instant from, Instant to, ZoneId zone) {
        Map<Integer, Long> byHour = new HashMap<>();
        jdbc.query("""
                SELECT extract(hour FROM created_at AT TIME ZONE ?)::int, count(*)
                  FROM order_facts
                 WHERE vendor_id = ? AND status = 'DELIVERED' AND created_at >= ? AND created_at < ?
                 GROUP BY 1""",
                rs -> {
                    byHour.put(rs.getInt(1), rs.getLong(2));
                }, zone.getId(), vendorId, Timestamp.from(from), Timestamp.from(to));
        return byHour;
    }

    @Override
    public boolean isDeliveredOrderOf(UUID orderId, UUID vendorId, UUID customerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM order_facts
                                WHERE order_id = ? AND vendor_id = ? AND customer_id = ? AND status = 'DELIVERED')""",
                Boolean.class, orderId, vendorId, customerId));
    }
}
