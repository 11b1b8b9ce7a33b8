package com.delivery.vendor.app;

import com.delivery.events.VendorCatalogUpdated;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.Vendors;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@code vendor.catalog_updated}, the whole snapshot the order service prices checkouts from, through the
 * outbox: one per vendor per committing transaction that changed what checkout depends on. A change only marks its
 * vendor ({@link #changed}, or any {@link VendorChanged}); the snapshot is built at the very end of the transaction
 * ({@code beforeCommit}, after flushing JPA), so several changes in one transaction give one snapshot showing all of
 * them, and a rolled-back change gives none.
 *
 * <p>Snapshots of one vendor are built one after the other: under the vendor's row lock, which is held until the
 * commit, the version is bumped and everything is read afresh. A later snapshot therefore always contains every
 * change committed before it, and its version is higher.
 */
@Component
public class CatalogPublisher {

    private final CatalogSource source;
    private final Inventory inventory;
    private final Vendors vendors;
    private final OutboxWriter outbox;

    CatalogPublisher(CatalogSource source, Inventory inventory, Vendors vendors, OutboxWriter outbox) {
        this.source = source;
        this.inventory = inventory;
        this.vendors = vendors;
        this.outbox = outbox;
    }

    /**
     * Everything search follows is part of the catalog too (profile, status, hours, menu, an item running out or
     * coming back), and ratings, which are harmless extra snapshots. A plain listener: it runs in the transaction
     * of the change.
     */
    @EventListener
    public void onVendorChanged(VendorChanged changed) {
        changed(changed.vendorId());
    }

    /** Marks the vendor as changed in the current transaction: its snapshot is published when that commits. */
    public void changed(UUID vendorId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A catalog change of vendor " + vendorId + " outside a transaction");
        }
        pending().vendorIds.add(vendorId);
    }

    /**
     * Builds and appends the vendor's snapshot now, in the current transaction; false if there is no such vendor.
     * Takes the vendor's row lock first, if the caller does not hold it yet.
     */
    boolean publishNow(UUID vendorId) {
        OptionalLong last = source.lockVersion(vendorId);
        if (last.isEmpty()) {
            return false;
        }
        // read only now, under the lock: whatever another transaction committed before is in it
        Optional<CatalogSource.Catalog> catalog = source.read(vendorId);
        if (catalog.isEmpty()) {
            return false;
        }
        long version = last.getAsLong() + 1;
        List<UUID> itemIds = catalog.get().items().stream().map(CatalogSource.Item::id).toList();
        // built before anything is written: a snapshot that cannot be built leaves the version as it was
        VendorCatalogUpdated snapshot = CatalogSnapshots.of(version, catalog.get(), inventory.findAll(itemIds));
        source.setVersion(vendorId, version);
        outbox.append(snapshot);
        return true;
    }

    private PendingSnapshots pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof PendingSnapshots pending && pending.publisher == this) {
                return pending;
            }
        }
        PendingSnapshots pending = new PendingSnapshots(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /**
     * The vendors changed in one transaction; their snapshots are built just before it commits. Equal only to
     * itself: it sits in the transaction's set of synchronizations while its vendor ids grow.
     */
    private static final class PendingSnapshots implements TransactionSynchronization {

        private final CatalogPublisher publisher;
        // in id order, so two transactions that changed the same vendors lock them in the same order
        private final Set<UUID> vendorIds = new TreeSet<>();

        PendingSnapshots(CatalogPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // JPA changes (profile, hours, menu items) are still in the session: write them, so the reads see them
            publisher.vendors.flush();
            vendorIds.forEach(publisher::publishNow);
        }
    }
}
