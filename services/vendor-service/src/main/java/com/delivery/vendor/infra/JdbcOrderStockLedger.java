package com.delivery.vendor.infra;

import com.delivery.vendor.domain.OrderStockLedger;
import com.delivery.vendor.domain.OrderStockState;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrderStockLedger implements OrderStockLedger {

    /** Namespace of this service's advisory locks, so they never collide with the outbox relay's. */
    private static final int LOCK_NAMESPACE = 0x5E1D;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcOrderStockLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void lockOrder(UUID orderId) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_NAMESPACE, orderId.hashCode());
    }

    @Override
    public Optional<OrderStockState> state(UUID orderId) {
        return jdbc.queryForList("SELECT state FROM order_stock WHERE order_id = ?", String.class, orderId).stream()
                .findFirst().map(OrderStockState::valueOf);
    }

    @Override
    public void setState(UUID orderId, UUID vendorId, OrderStockState state) {
        jdbc.update("""
                INSERT INTO order_stock (order_id, vendor_id, state, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at""",
                orderId, vendorId, state.name(), Timestamp.from(clock.instant()));
    }

    @Override
    public void saveLines(UUID orderId, Map<UUID, Integer> quantities) {
        quantities.forEach((itemId, quantity) -> jdbc.update(
                "INSERT INTO order_stock_lines (order_id, menu_item_id, quantity) VALUES (?, ?, ?)",
                orderId, itemId, quantity));
    }

    @Override
    public Map<UUID, Integer> lines(UUID orderId) {
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        jdbc.query("SELECT menu_item_id, quantity FROM order_stock_lines WHERE order_id = ? ORDER BY menu_item_id",
                rs -> {
                    lines.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }, orderId);
        return lines;
    }
}
