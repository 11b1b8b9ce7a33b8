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
 * <p>Reads reuse the catalog this instance parsed, so the menu's JSON is decoded and the zones' polygons are prepared
 * once per snapshot, not per checkout. The row is the truth (another instance may have stored a newer snapshot a
 * moment ago, from a partition this one does not consume), so the parsed copy is confirmed against the row's version
 * when it is older than {@link #CONFIRM_EVERY_NANOS}: a checkout then sees a newer snapshot at most that much later
 * than the database has it, which is small beside the event's own way here, and saves one connection checkout per
 * order. A snapshot this instance stores itself replaces its parsed copy at once.
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

    /** How long a parsed catalog is used without asking the database whether a newer version is stored. */
    static final long CONFIRM_EVERY_NANOS = 500_000_000L;

    /** A parsed catalog and when its version was last seen to be the stored one. */
    private record Parsed(VendorCatalog catalog, long confirmedAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final Map<UUID, Parsed> parsed = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Parsed> eldest) {
            return size() > PARSED_CAPACITY;
        }
    };

    JdbcVendorCatalogs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keepIfNewer(VendorCatalogUpdated snapshot, Instant receivedAt) {
        boolean kept = jdbc.update("""
                INSERT INTO vendor_catalogs (vendor_id, version, snapshot, updated_at)
                VALUES (?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (vendor_id) DO UPDATE
                   SET version = EXCLUDED.version, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
                 WHERE vendor_catalogs.version < EXCLUDED.version""",
                snapshot.vendorId(), snapshot.version(), EventCodec.mapper().writeValueAsString(snapshot),
                Timestamp.from(receivedAt)) == 1;
        if (kept) {
            // parsed again from the row by the next checkout (the transaction storing it may still roll back)
            forget(snapshot.vendorId());
        }
        return kept;
    }

    @Override
    public Optional<VendorCatalog> find(UUID vendorId) {
        Parsed known = cached(vendorId);
        long now = System.nanoTime();
        if (known != null && now - known.confirmedAtNanos() < CONFIRM_EVERY_NANOS) {
            return Optional.of(known.catalog());
        }
        List<Long> versions = jdbc.queryForList("SELECT version FROM vendor_catalogs WHERE vendor_id = ?",
                Long.class, vendorId);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        if (known != null && known.catalog().version() == versions.getFirst()) {
            remember(known.catalog(), now);
            return Optional.of(known.catalog());
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
        remember(catalog, System.nanoTime());
        return Optional.of(catalog);
    }

    private Parsed cached(UUID vendorId) {
        synchronized (parsed) {
            return parsed.get(vendorId);
        }
    }

    private void forget(UUID vendorId) {
        synchronized (parsed) {
            parsed.remove(vendorId);
        }
    }

    /** Two checkouts may parse concurrently, one of them an older version read a moment earlier: the newer stays. */
    private void remember(VendorCatalog catalog, long confirmedAtNanos) {
        synchronized (parsed) {
            parsed.merge(catalog.vendorId(), new Parsed(catalog, confirmedAtNanos),
                    (old, fresh) -> fresh.catalog().version() >= old.catalog().version() ? fresh : old);
        }
    }
}
