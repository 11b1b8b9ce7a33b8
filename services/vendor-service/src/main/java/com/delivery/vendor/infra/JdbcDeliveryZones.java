package com.delivery.vendor.infra;

import com.delivery.vendor.domain.DeliveryZone;
import com.delivery.vendor.domain.DeliveryZones;
import com.delivery.vendor.domain.ZonePolygon;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Zones as PostGIS {@code geometry(Polygon,4326)}, written from WKT and tested with {@code ST_Covers} (a point on
 * the border is inside), through plain SQL: no spatial type mapping needed in Hibernate.
 */
@Repository
class JdbcDeliveryZones implements DeliveryZones {

    private static final String COLUMNS =
            "id, vendor_id, name, ST_AsText(area) AS wkt, minimum_order_minor, delivery_fee_minor";

    private final JdbcTemplate jdbc;

    JdbcDeliveryZones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(DeliveryZone zone) {
        jdbc.update("""
                INSERT INTO delivery_zones (id, vendor_id, name, area, minimum_order_minor, delivery_fee_minor)
                VALUES (?, ?, ?, ST_GeomFromText(?, 4326), ?, ?)""",
                zone.id(), zone.vendorId(), zone.name(), zone.area().toWkt(), zone.minimumOrderMinor(),
                zone.deliveryFeeMinor());
    }

    @Override
    public boolean update(DeliveryZone zone) {
        return jdbc.update("""
                UPDATE delivery_zones SET name = ?, area = ST_GeomFromText(?, 4326), minimum_order_minor = ?,
                       delivery_fee_minor = ?
                 WHERE id = ? AND vendor_id = ?""",
                zone.name(), zone.area().toWkt(), zone.minimumOrderMinor(), zone.deliveryFeeMinor(), zone.id(),
                zone.vendorId()) == 1;
    }

    @Override
    public boolean delete(UUID vendorId, UUID zoneId) {
        return jdbc.update("DELETE FROM delivery_zones WHERE id = ? AND vendor_id = ?", zoneId, vendorId) == 1;
    }

    @Override
    public Optional<DeliveryZone> find(UUID vendorId, UUID zoneId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_zones WHERE id = ? AND vendor_id = ?",
                JdbcDeliveryZones::zone, zoneId, vendorId).stream().findFirst();
    }

    @Override
    public List<DeliveryZone> findByVendor(UUID vendorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM delivery_zones WHERE vendor_id = ? ORDER BY created_at, id",
                JdbcDeliveryZones::zone, vendorId);
    }

    @Override
    public Optional<DeliveryZone> findCovering(UUID vendorId, double lat, double lng) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM delivery_zones
                WHERE vendor_id = ? AND ST_Covers(area, ST_SetSRID(ST_MakePoint(?, ?), 4326))
                ORDER BY delivery_fee_minor, minimum_order_minor, id LIMIT 1""",
                JdbcDeliveryZones::zone, vendorId, lng, lat).stream().findFirst();
    }

    private static DeliveryZone zone(ResultSet rs, int row) throws SQLException {
        return new DeliveryZone(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                rs.getString("name"), ZonePolygon.fromWkt(rs.getString("wkt")), rs.getLong("minimum_order_minor"),
                rs.getLong("delivery_fee_minor"));
    }
}
