package com.delivery.vendor.app;

import com.delivery.vendor.domain.PendingSearchSync;
import com.delivery.vendor.domain.SearchSyncQueue;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Vendors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search follows PostgreSQL through a durable queue ({@link SearchSyncQueue}): every change leaves an entry in its own
 * transaction, and rounds of the sync worker apply due entries to the index, deleting each once the index shows it
 * and retrying it with a short back-off while Elasticsearch is away. Nothing is lost to an outage and nobody has to
 * run the reindex command afterwards.
 *
 * <p>A round claims its entries in one short transaction (a lease, so the row locks are not held while Elasticsearch
 * is called and a change of the same vendor never waits for the index), then applies and settles them one by one.
 */
@Service
public class SearchSync {

    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);

    private final SearchSyncQueue queue;
    private final SearchIndexing indexing;
    private final Vendors vendors;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration claimLease;
    /** False at start and after Elasticsearch was unreachable: the next round first checks that the indices exist. */
    private volatile boolean indicesChecked;

    SearchSync(SearchSyncQueue queue, SearchIndexing indexing, Vendors vendors, PlatformTransactionManager transactions,
            Clock clock, VendorProperties properties) {
        this.queue = queue;
        this.indexing = indexing;
        this.vendors = vendors;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.claimLease = properties.search().sync().claimLease();
    }

    /**
     * Runs inside the transaction that made the change (a plain listener, called where the event is published), so
     * the entry commits or rolls back with the change itself.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onVendorChanged(VendorChanged changed) {
        record(changed.vendorId(), changed.removedItemIds());
    }

    private void record(UUID vendorId, Set<UUID> removedItemIds) {
        Instant now = clock.instant();
        // a worker may delete the entry between the insert that found it and the lock: then insert again
        for (int tries = 0; tries < 5; tries++) {
            if (queue.addIfAbsent(PendingSearchSync.first(vendorId, removedItemIds, now))) {
                return;
            }
            Optional<PendingSearchSync> existing = queue.lock(vendorId);
            if (existing.isPresent()) {
                queue.save(existing.get().changedAgain(removedItemIds, now));
                return;
            }
        }
        throw new IllegalStateException("Could not queue the search update of vendor " + vendorId);
    }

    /**
     * Checks that both indices exist, creating what is missing. A missing index means Elasticsearch lost it (or never
     * had it): every approved vendor is queued then, so the new index fills up from PostgreSQL by itself.
     */
    public void prepareIndices() {
        if (indexing.ensureIndices()) {
            List<UUID> approved = tx.execute(status -> {
                List<UUID> ids = vendors.idsWithStatus(VendorStatus.APPROVED);
                ids.forEach(id -> record(id, Set.of()));
                return ids;
            });
            log.info("Search index created; {} approved vendors queued for indexing", approved.size());
        }
        indicesChecked = true;
    }

    /** One round: applies up to {@code limit} due entries; stops early (and says why) when Elasticsearch is away. */
    public SyncRound syncDue(int limit) {
        if (!indicesChecked) {
            try {
                prepareIndices();
            } catch (SearchUnavailableException e) {
                return SyncRound.indexUnreachable(e);
            }
        }
        Instant now = clock.instant();
        List<PendingSearchSync> claimed = tx.execute(status -> claim(now, limit));
        int applied = 0;
        int failed = 0;
        int settled = 0;
        RuntimeException lastRefusal = null;
        try {
            for (int i = 0; i < claimed.size(); i++) {
                PendingSearchSync entry = claimed.get(i);
                try {
                    indexing.apply(entry.vendorId(), entry.removedItemIds());
                } catch (SearchUnavailableException e) {
                    // the rest would fail the same way: hand them back untried (the finally below), due again next round
                    indicesChecked = false;
                    tx.executeWithoutResult(status -> fail(entry, e));
                    settled++;
                    return new SyncRound(claimed.size(), applied, failed + 1, e, lastRefusal);
                } catch (RuntimeException e) {
                    tx.executeWithoutResult(status -> fail(entry, e));
                    settled++;
                    failed++;
                    lastRefusal = e;
                    continue;
                }
                tx.executeWithoutResult(status -> settle(entry));
                settled++;
                applied++;
            }
            return new SyncRound(claimed.size(), applied, failed, null, lastRefusal);
        } finally {
            // whatever ended the round (Elasticsearch away, or the database failing a settle), the entries not settled
            // go back at once instead of waiting out their claim lease: a newer change must not wait 30 s for them
            releaseQuietly(claimed.subList(settled, claimed.size()));
        }
    }

    private void releaseQuietly(List<PendingSearchSync> unsettled) {
        if (unsettled.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> unsettled.forEach(this::release));
        } catch (RuntimeException e) {
            // the database is away too: the claim lease frees them later
            log.warn("Could not hand back {} claimed search updates; they are retried once their claim expires: {}",
                    unsettled.size(), e.toString());
        }
    }

    /** How many vendors wait for their index update (the {@code search_sync_pending} gauge). */
    public long pending() {
        return queue.count();
    }

    private List<PendingSearchSync> claim(Instant now, int limit) {
        List<PendingSearchSync> claimed = queue.lockDue(now, limit).stream()
                .filter(entry -> entry.isDueAt(now))
                .map(entry -> entry.claimed(now, claimLease))
                .toList();
        claimed.forEach(queue::save);
        return claimed;
    }

    /** Deletes the entry unless the vendor changed again while its update was applied. */
    private void settle(PendingSearchSync applied) {
        queue.lock(applied.vendorId()).ifPresent(current -> current.afterApplied(applied.version())
                .ifPresentOrElse(queue::save, () -> queue.delete(current.vendorId())));
    }

    private void fail(PendingSearchSync attempted, RuntimeException cause) {
        queue.lock(attempted.vendorId()).ifPresent(current -> queue.save(current.failed(cause.toString(),
                clock.instant())));
    }

    private void release(PendingSearchSync untried) {
        queue.lock(untried.vendorId()).ifPresent(current -> queue.save(current.released()));
    }
}
