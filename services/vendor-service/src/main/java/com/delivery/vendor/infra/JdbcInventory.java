package com.delivery.vendor.infra;

import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.StockLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stock rows changed only by conditional updates ({@code WHERE available >= ?}) and read under row locks taken
 * in id order; the {@code CHECK (... >= 0)} constraints on available, reserved and sold are the last line of defence.
 * Order events only move units between the three counts; the owner's SET keeps reserved and sold.
 */
@Repository
class JdbcInventory implements Inventory {

    private static final String COLUMNS = "menu_item_id, vendor_id, available, reserved, sold, low_stock_threshold";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcInventory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<StockLevel> find(UUID menuItemId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inventory WHERE menu_item_id = ?", JdbcInventory::level,
                menuItemId).stream().findFirst();
    }

    @Override
    public Map<UUID, StockLevel> findAll(Collection<UUID> menuItemIds) {
        if (menuItemIds.isEmpty()) {
            return Map.of();
        }
        return byId(jdbc.query("SELECT " + COLUMNS + " FROM inventory WHERE menu_item_id = ANY (?)",
                JdbcInventory::level, (Object) menuItemIds.toArray(UUID[]::new)));
    }

    @Override
    public List<StockLevel> findByVendor(UUID vendorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inventory WHERE vendor_id = ? ORDER BY menu_item_id",
                JdbcInventory::level, vendorId);
    }

    @Override
    public Map<UUID, StockLevel> lock(Collection<UUID> menuItemIds) {
        if (menuItemIds.isEmpty()) {
            return Map.of();
        }
        return byId(jdbc.query("SELECT " + COLUMNS
                + " FROM inventory WHERE menu_item_id = ANY (?) ORDER BY menu_item_id FOR UPDATE",
                JdbcInventory::level, (Object) menuItemIds.toArray(UUID[]::new)));
    }

    @Override
    public StockLevel set(UUID menuItemId, UUID vendorId, int available, int lowStockThreshold) {
        return jdbc.queryForObject("""
                INSERT INTO inventory (menu_item_id, vendor_id, available, reserved, sold, low_stock_threshold,
                                       updated_at)
                VALUES (?, ?, ?, 0, 0, ?, ?)
                ON CONFLICT (menu_item_id) DO UPDATE
                   SET available = EXCLUDED.available, low_stock_threshold = EXCLUDED.low_stock_threshold,
                       updated_at = EXCLUDED.updated_at
                RETURNING""" + " " + COLUMNS,
                JdbcInventory::level, menuItemId, vendorId, available, lowStockThreshold, now());
    }

    @Override
    public boolean reserve(UUID menuItemId, int quantity) {
        return jdbc.update("""
                UPDATE inventory SET available = available - ?, reserved = reserved + ?, updated_at = ?
                 WHERE menu_item_id = ? AND available >= ?""",
                quantity, quantity, now(), menuItemId, quantity) == 1;
    }

    @Override
    public void commit(UUID menuItemId, int quantity) {
        // LEAST: never more than is reserved, so the three counts keep adding up (and stay >= 0)
        jdbc.update("""
                UPDATE inventory SET sold = sold + LEAST(reserved, ?), reserved = reserved - LEAST(reserved, ?),
                       updated_at = ?
                 WHERE menu_item_id = ?""",
                quantity, quantity, now(), menuItemId);
    }

    @Override
    public void release(UUID menuItemId, int quantity, boolean wasCommitted) {
        if (wasCommitted) {
            jdbc.update("""
                    UPDATE inventory SET available = available + LEAST(sold, ?), sold = sold - LEAST(sold, ?),
                           updated_at = ?
                     WHERE menu_item_id = ?""",
                    quantity, quantity, now(), menuItemId);
        } else {
            jdbc.update("""
                    UPDATE inventory SET available = available + LEAST(reserved, ?),
                           reserved = reserved - LEAST(reserved, ?), updated_at = ?
                     WHERE menu_item_id = ?""",
                    quantity, quantity, now(), menuItemId);
        }
    }

    @Override
    public void untrack(UUID menuItemId) {
        jdbc.update("DELETE FROM inventory WHERE menu_item_id = ?", menuItemId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Map<UUID, StockLevel> byId(List<StockLevel> levels) {
        Map<UUID, StockLevel> map = new LinkedHashMap<>();
        levels.forEach(l -> map.put(l.menuItemId(), l));
        return map;
    }

    private static StockLevel level(ResultSet rs, int row) throws SQLException {
        return new StockLevel(rs.getObject("menu_item_id", UUID.class), rs.getObject("vendor_id", UUID.class),
                rs.getInt("available"), rs.getInt("reserved"), rs.getInt("sold"), rs.getInt("low_stock_threshold"));
    }
}
