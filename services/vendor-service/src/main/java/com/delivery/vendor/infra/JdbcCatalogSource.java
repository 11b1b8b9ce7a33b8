package com.delivery.vendor.infra;

import com.delivery.vendor.app.CatalogSource;
import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.SpecialClosure;
import com.delivery.vendor.domain.VendorStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The catalog of a vendor in plain SQL, bypassing the JPA session (see {@link CatalogSource}). The row lock is
 * {@code FOR NO KEY UPDATE}, what an {@code UPDATE} of a non-key column takes: it serialises the snapshot builders
 * of one vendor but, unlike {@code FOR UPDATE}, not the {@code FOR KEY SHARE} locks that foreign keys take when a
 * menu item or zone is inserted, so two transactions adding items to the same vendor cannot deadlock on it.
 */
@Repository
class JdbcCatalogSource implements CatalogSource {

    private final JdbcTemplate jdbc;

    JdbcCatalogSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong lockVersion(UUID vendorId) {
        return jdbc.query("SELECT catalog_version FROM vendors WHERE id = ? FOR NO KEY UPDATE",
                (rs, row) -> rs.getLong(1), vendorId).stream().mapToLong(Long::longValue).findFirst();
    }

    @Override
    public void setVersion(UUID vendorId, long version) {
        jdbc.update("UPDATE vendors SET catalog_version = ? WHERE id = ?", version, vendorId);
    }

    @Override
    public Optional<Catalog> read(UUID vendorId) {
        return jdbc.query("""
                SELECT id, name, city, owner_user_id, category, currency, status, prep_minutes, lat, lng, time_zone
                  FROM vendors WHERE id = ?""",
                (rs, row) -> new Catalog(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("city"),
                        rs.getObject("owner_user_id", UUID.class), rs.getString("category"),
                        rs.getString("currency"), VendorStatus.valueOf(rs.getString("status")),
                        rs.getInt("prep_minutes"), rs.getDouble("lat"), rs.getDouble("lng"),
                        rs.getString("time_zone"), hours(vendorId), closures(vendorId), zones(vendorId),
                        items(vendorId)),
                vendorId).stream().findFirst();
    }

    @Override
    public List<UUID> lockUnpublished(UUID after, int limit) {
        // SKIP LOCKED: a vendor held by a running change is that change's to publish; the WHERE is checked again
        // once a row is locked, so a vendor whose first snapshot committed meanwhile is not taken
        String sql = """
                SELECT id FROM vendors
                 WHERE catalog_version = 0%s
                 ORDER BY id LIMIT ?
                   FOR NO KEY UPDATE SKIP LOCKED""";
        return after == null ? jdbc.queryForList(sql.formatted(""), UUID.class, limit)
                : jdbc.queryForList(sql.formatted(" AND id > ?"), UUID.class, after, limit);
    }

    private List<OpeningWindow> hours(UUID vendorId) {
        return jdbc.query("SELECT day_of_week, opens, closes FROM vendor_hours WHERE vendor_id = ?",
                (rs, row) -> new OpeningWindow(DayOfWeek.valueOf(rs.getString("day_of_week")),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)),
                vendorId);
    }

    private List<SpecialClosure> closures(UUID vendorId) {
        return jdbc.query("""
                SELECT from_date, to_date, reason FROM vendor_closures WHERE vendor_id = ?
                 ORDER BY from_date, to_date""",
                (rs, row) -> new SpecialClosure(rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class), rs.getString("reason")),
                vendorId);
    }

    private List<Zone> zones(UUID vendorId) {
        return jdbc.query("""
                SELECT id, ST_AsText(area) AS wkt, delivery_fee_minor, minimum_order_minor
                  FROM delivery_zones WHERE vendor_id = ? ORDER BY created_at, id""",
                (rs, row) -> new Zone(rs.getObject("id", UUID.class), rs.getString("wkt"),
                        rs.getLong("delivery_fee_minor"), rs.getLong("minimum_order_minor")),
                vendorId);
    }

    private List<Item> items(UUID vendorId) {
        Map<UUID, List<Option>> options = new LinkedHashMap<>();
        jdbc.query("""
                SELECT o.menu_item_id, o.id, o.name, o.price_delta_minor
                  FROM menu_item_options o JOIN menu_items i ON i.id = o.menu_item_id
                 WHERE i.vendor_id = ? ORDER BY o.menu_item_id, o.position, o.id""",
                (RowCallbackHandler) rs -> {
                    options.computeIfAbsent(rs.getObject("menu_item_id", UUID.class), id -> new ArrayList<>())
                            .add(new Option(rs.getObject("id", UUID.class), rs.getString("name"),
                                    rs.getLong("price_delta_minor")));
                },
                vendorId);
        return jdbc.query("""
                SELECT id, name, price_minor, available, prescription_required, prep_minutes
                  FROM menu_items WHERE vendor_id = ? ORDER BY section, position, name, id""",
                (rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Item(id, rs.getString("name"), rs.getLong("price_minor"), rs.getBoolean("available"),
                            rs.getBoolean("prescription_required"), rs.getObject("prep_minutes", Integer.class),
                            List.copyOf(options.getOrDefault(id, List.of())));
                },
                vendorId);
    }
}
