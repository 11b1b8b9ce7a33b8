package com.delivery.vendor.infra;

import com.delivery.vendor.domain.PendingSearchSync;
import com.delivery.vendor.domain.SearchSyncQueue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link SearchSyncQueue} on the {@code search_sync} table (migration V3). */
@Repository
class JdbcSearchSyncQueue implements SearchSyncQueue {

    private static final String COLUMNS =
            "vendor_id, removed_item_ids, version, failures, next_attempt_at, claimed_until, last_error";
    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcTemplate jdbc;

    JdbcSearchSyncQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfAbsent(PendingSearchSync entry) {
        return jdbc.update("INSERT INTO search_sync (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (vendor_id) DO NOTHING", entry.vendorId(), ids(entry.removedItemIds()),
                entry.version(), entry.failures(), time(entry.nextAttemptAt()), time(entry.claimedUntil()),
                error(entry.lastError())) == 1;
    }

    @Override
    public Optional<PendingSearchSync> lock(UUID vendorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM search_sync WHERE vendor_id = ? FOR UPDATE",
                JdbcSearchSyncQueue::entry, vendorId).stream().findFirst();
    }

    @Override
    public List<PendingSearchSync> lockDue(Instant now, int limit) {
        // the same rule as PendingSearchSync.isDueAt, so the database picks the rows
        return jdbc.query("SELECT " + COLUMNS + " FROM search_sync"
                + " WHERE next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
                JdbcSearchSyncQueue::entry, time(now), time(now), limit);
    }

    @Override
    public void save(PendingSearchSync entry) {
        jdbc.update("UPDATE search_sync SET removed_item_ids = ?, version = ?, failures = ?, next_attempt_at = ?,"
                + " claimed_until = ?, last_error = ? WHERE vendor_id = ?", ids(entry.removedItemIds()),
                entry.version(), entry.failures(), time(entry.nextAttemptAt()), time(entry.claimedUntil()),
                error(entry.lastError()), entry.vendorId());
    }

    @Override
    public void delete(UUID vendorId) {
        jdbc.update("DELETE FROM search_sync WHERE vendor_id = ?", vendorId);
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM search_sync", Long.class);
        return count == null ? 0 : count;
    }

    private static PendingSearchSync entry(ResultSet rs, int row) throws SQLException {
        UUID[] removed = (UUID[]) rs.getArray("removed_item_ids").getArray();
        OffsetDateTime claimedUntil = rs.getObject("claimed_until", OffsetDateTime.class);
        return new PendingSearchSync(rs.getObject("vendor_id", UUID.class), Set.copyOf(Arrays.asList(removed)),
                rs.getLong("version"), rs.getInt("failures"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                claimedUntil == null ? null : claimedUntil.toInstant(), rs.getString("last_error"));
    }

    private static Object ids(Set<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String error(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
