package com.delivery.order.infra;

import com.delivery.events.EventCodec;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.order.app.VendorCatalogs;
import com.delivery.order.domain.UnusableCatalogException;
import com.delivery.order.domain.VendorCatalog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * The replica in {@code vendor_catalogs}: one row per vendor, the snapshot as the event's JSON ({@code jsonb}, so
 * support can query it). Writes are an upsert that only a higher version gets through.
 *
 * <p>Reads ask the database for the current version on every checkout (the row is the truth: another instance may
 * have stored a newer snapshot a moment ago) and reuse the parsed catalog when this instance already parsed that
 * version, so the menu's JSON is decoded and the zones' polygons are prepared once per snapshot, not per checkout.
 */
@Component
class JdbcVendorCatalogs implements VendorCatalogs {

    private static final Logger log = LoggerFactory.getLogger(JdbcVendorCatalogs.class);

    /**
     * Parsed catalogs kept, least recently used dropped first, so the heap stays bounded whatever the number of
     * vendors: a catalog of 150 items with 4 options each and 3 zones of 64 vertices takes about 120 KB parsed and
     * about 1 ms to decode and prepare, against under 1 microsecond to price from once parsed.
     */
    static final int PARSED_CAPACITY = 500;

    private final JdbcTemplate jdbc;
    private final Map<UUID, VendorCatalog> parsed = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, VendorCatalog> eldest) {
            return size() > PARSED_CAPACITY;
        }
    };

    JdbcVendorCatalogs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keepIfNewer(VendorCatalogUpdated snapshot, Instant receivedAt) {
        return jdbc.update("""
                INSERT INTO vendor_catalogs (vendor_id, version, snapshot, updated_at)
                VALUES (?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (vendor_id) DO UPDATE
                   SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
                 WHERE vendor_catalogs.version < EXCLUDED.version""",
                snapshot.vendorId(), snapshot.version(), EventCodec.mapper().writeValueAsString(snapshot),
                Timestamp.from(receivedAt)) == 1;
    }

    @Override
    public Optional<VendorCatalog> find(UUID vendorId) {
        List<Long> versions = jdbc.queryForList("SELECT version FROM vendor_catalogs WHERE vendor_id = ?",
                Long.class, vendorId);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        VendorCatalog known = cached(vendorId);
        if (known != null && known.version() == versions.getFirst()) {
            return Optional.of(known);
        }
        return load(vendorId);
    }

    private Optional<VendorCatalog> load(UUID vendorId) {
        List<String> rows = jdbc.queryForList("SELECT snapshot FROM vendor_catalogs WHERE vendor_id = ?",
                String.class, vendorId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        VendorCatalog catalog;
        try {
            catalog = VendorCatalog.from(EventCodec.mapper().readValue(rows.getFirst(), VendorCatalogUpdated.class));
        } catch (JacksonException | IllegalArgumentException | UnusableCatalogException e) {
            log.error("Stored catalog of vendorId={} cannot be priced from, asking the vendor service: {}", vendorId,
                    e.getMessage());
            return Optional.empty();
        }
        remember(catalog);
        return Optional.of(catalog);
    }

    private VendorCatalog cached(UUID vendorId) {
        synchronized (parsed) {
            return parsed.get(vendorId);
        }
    }

    /** Two checkouts may parse concurrently, one of them an older version read a moment earlier: the newer stays. */
    private void remember(VendorCatalog catalog) {
        synchronized (parsed) {
            parsed.merge(catalog.vendorId(), catalog, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        }
    }
}
