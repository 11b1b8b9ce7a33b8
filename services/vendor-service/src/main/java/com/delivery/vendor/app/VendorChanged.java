package com.delivery.vendor.app;

import java.util.Set;
import java.util.UUID;

/**
 * Published inside a use case's transaction whenever what search shows about a vendor may have changed;
 * {@link SearchSync} queues the index update in that same transaction and applies it right after the commit, and
 * {@link CatalogPublisher} publishes the vendor's catalog snapshot when it commits (changes search does not show but
 * checkout depends on, such as zones and stock edits, call {@link CatalogPublisher#changed} directly).
 *
 * @param removedItemIds menu items deleted in that transaction (gone from the database, so named here)
 */
public record VendorChanged(UUID vendorId, Set<UUID> removedItemIds) {

    public static VendorChanged of(UUID vendorId) {
        return new VendorChanged(vendorId, Set.of());
    }
}
