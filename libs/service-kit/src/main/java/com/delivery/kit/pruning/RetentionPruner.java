package com.delivery.kit.pruning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the kit's bookkeeping rows once their retention is over: published outbox rows and processed-event
 * records (never an unpublished outbox row). Deletes in batches of {@code batchSize}, one short transaction each,
 * oldest first, until a batch comes back short: no statement holds row locks or a snapshot for long, and the
 * services' own writes go on meanwhile.
 *
 * <p>One pruner at a time per database: every batch takes a transaction-scoped advisory lock first and the run
 * stops when another instance holds it (that one is pruning the same rows).
 */
public class RetentionPruner {

    /** Advisory lock key, distinct from the relay's (0x0B0C5E1A); in pg_locks: locktype advisory, classid 0, objid 185389856. */
    public static final long LOCK_KEY = 0x0B0C_D320L;

    private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

    // the sub-select walks the index on the timestamp from the oldest row; LIMIT is what bounds the batch
    private static final String DELETE_PUBLISHED_OUTBOX_ROWS = """
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox
                WHERE published_at IS NOT NULL AND published_at < ?
                ORDER BY published_at LIMIT ?)""";
    private static final String DELETE_PROCESSED_EVENTS = """
            DELETE FROM processed_events WHERE (consumer, event_id) IN (
                SELECT consumer, event_id FROM processed_events
                WHERE processed_at < ?
                ORDER BY processed_at LIMIT ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RetentionPolicy policy;
    private final int batchSize;
    private final Clock clock;
    private final Counter outboxRowsPruned;
    private final Counter processedEventsPruned;

    public RetentionPruner(JdbcTemplate jdbc, TransactionTemplate tx, RetentionPolicy policy, int batchSize,
            Clock clock, MeterRegistry meters) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.policy = policy;
        this.batchSize = batchSize;
        this.clock = clock;
        this.outboxRowsPruned = prunedRows(meters, "outbox");
        this.processedEventsPruned = prunedRows(meters, "processed_events");
    }

    private static Counter prunedRows(MeterRegistry meters, String table) {
        return Counter.builder("outbox.pruned.rows").tag("table", table)
                .description("Rows of the kit's outbox and processed_events tables deleted after their retention")
                .register(meters);
    }

    /** Prunes everything whose retention is over; see {@link #pruneExpired(BooleanSupplier)}. */
    public PruneResult pruneExpired() {
        return pruneExpired(() -> true);
    }

    /**
     * Prunes both tables.
     *
     * @param keepGoing asked before every batch; false (the service is stopping) ends the run early
     */
    public PruneResult pruneExpired(BooleanSupplier keepGoing) {
        Instant now = clock.instant();
        Instant outboxCutoff = policy.outboxCutoff(now);
        Instant processedCutoff = policy.processedEventsCutoff(now);
        TableResult outbox = pruneTable(DELETE_PUBLISHED_OUTBOX_ROWS, outboxCutoff, outboxRowsPruned, keepGoing);
        TableResult processed = outbox.lockedElsewhere()
                ? TableResult.NOT_RUN
                : pruneTable(DELETE_PROCESSED_EVENTS, processedCutoff, processedEventsPruned, keepGoing);
        PruneResult result = new PruneResult(outbox.rows(), processed.rows(),
                outbox.lockedElsewhere() || processed.lockedElsewhere());
        if (result.outboxRows() > 0 || result.processedEventRows() > 0) {
            log.info("Pruned {} outbox rows published before {} and {} processed_events rows recorded before {}",
                    result.outboxRows(), outboxCutoff, result.processedEventRows(), processedCutoff);
        } else if (result.lockedElsewhere()) {
            log.debug("Pruning skipped: another instance holds the pruning lock on this database");
        }
        return result;
    }

    private TableResult pruneTable(String deleteBatch, Instant cutoff, Counter pruned, BooleanSupplier keepGoing) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        long total = 0;
        while (keepGoing.getAsBoolean()) {
            Integer deleted = tx.execute(status -> {
                Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
                return Boolean.TRUE.equals(locked) ? jdbc.update(deleteBatch, before, batchSize) : null;
            });
            if (deleted == null) {
                return new TableResult(total, true);
            }
            total += deleted;
            pruned.increment(deleted);
            if (deleted < batchSize) {
                break;
            }
        }
        return new TableResult(total, false);
    }

    /**
     * @param lockedElsewhere another instance was pruning, so this run stopped (its rows are that one's job)
     */
    public record PruneResult(long outboxRows, long processedEventRows, boolean lockedElsewhere) {
    }

    private record TableResult(long rows, boolean lockedElsewhere) {
        static final TableResult NOT_RUN = new TableResult(0, true);
    }
}
