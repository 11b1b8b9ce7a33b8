package com.delivery.order.app;

import com.delivery.events.VendorCatalogUpdated;
import com.delivery.order.domain.VendorCatalog;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The order service's replica of the vendors' catalogs: the newest {@code vendor.catalog_updated} snapshot per
 * vendor, in the order database. The stored row is the truth on every instance (each instance consumes only some
 * partitions); implementations may keep parsed snapshots in memory, keyed by vendor and version.
 */
public interface VendorCatalogs {

    /**
     * Stores the snapshot unless the replica already holds this vendor at the same or a higher version (a
     * redelivered or late older snapshot changes nothing).
     *
     * @return whether it was stored
     */
    boolean keepIfNewer(VendorCatalogUpdated snapshot, Instant receivedAt);

    /**
     * The vendor's newest snapshot, ready to price from; empty while none has arrived, and when the stored one cannot
     * be priced from ({@link com.delivery.order.domain.UnusableCatalogException}, logged).
     */
    Optional<VendorCatalog> find(UUID vendorId);
}
