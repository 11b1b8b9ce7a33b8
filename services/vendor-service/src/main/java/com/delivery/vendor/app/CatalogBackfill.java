package com.delivery.vendor.app;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a first catalog snapshot for vendors that never had one ({@code catalog_version = 0}: vendors from before
 * catalog snapshots existed), so the order service's replica gets every vendor without waiting for its next change.
 * Works in small batches, each in its own short transaction, walking the vendors in id order. A vendor that a
 * running change holds is skipped (that change publishes it), and one published meanwhile is no longer found, so it
 * runs next to normal traffic and on several instances at once.
 */
@Service
public class CatalogBackfill {

    /** What one batch did: how many vendors it took, and the last id it looked at (null: none, the pass is done). */
    public record Batch(int published, UUID lastId) {

        public boolean done() {
            return lastId == null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CatalogBackfill.class);

    private final CatalogSource source;
    private final CatalogPublisher publisher;
    private final TransactionTemplate tx;

    CatalogBackfill(CatalogSource source, CatalogPublisher publisher, PlatformTransactionManager transactions) {
        this.source = source;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Publishes the next unpublished vendors after {@code after} (null: from the start), at most {@code size}. */
    public Batch publishBatch(UUID after, int size) {
        return tx.execute(status -> {
            List<UUID> ids = source.lockUnpublished(after, size);
            int published = 0;
            for (UUID id : ids) {
                try {
                    if (publisher.publishNow(id)) {
                        published++;
                    }
                } catch (DataAccessException e) {
                    throw e; // the transaction is lost: the whole batch is tried again
                } catch (RuntimeException e) {
                    // data no snapshot can be built from (it failed before writing anything): the others go on
                    log.error("No catalog snapshot can be built for vendor {}; skipped: {}", id,
                            e.toString());
                }
            }
            return new Batch(published, ids.isEmpty() ? null : ids.getLast());
        });
    }
}
