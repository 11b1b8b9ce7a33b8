package com.delivery.vendor.app;

import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItems;
import com.delivery.vendor.domain.OpeningHours;
import com.delivery.vendor.domain.StockLevel;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Vendors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds what search shows about a vendor from PostgreSQL, the source of truth: the vendor and its items are re-read
 * and indexed (APPROVED) or removed (anything else). {@link SearchSync} decides when (after every change, retried
 * until the index has it); {@link #reindexAll()} rebuilds everything at once.
 */
@Service
public class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    private final Vendors vendors;
    private final MenuItems items;
    private final Inventory inventory;
    private final SearchIndex index;

    SearchIndexing(Vendors vendors, MenuItems items, Inventory inventory, SearchIndex index) {
        this.vendors = vendors;
        this.items = items;
        this.inventory = inventory;
        this.index = index;
    }

    /**
     * Makes the index show the vendor as PostgreSQL has it now, and forgets {@code removedItemIds} (deleted items).
     * Idempotent, so applying it twice or late is harmless.
     *
     * @throws SearchUnavailableException when Elasticsearch cannot be reached
     */
    @Transactional(readOnly = true)
    public void apply(UUID vendorId, Set<UUID> removedItemIds) {
        sync(vendorId, removedItemIds);
    }

    /** Creates the indices that do not exist; true if one had to be created. */
    public boolean ensureIndices() {
        return index.ensureIndices();
    }

    private void sync(UUID vendorId, Set<UUID> removedItemIds) {
        Vendor vendor = vendors.findById(vendorId).orElse(null);
        if (!removedItemIds.isEmpty()) {
            index.removeItems(removedItemIds);
        }
        List<MenuItem> menu = vendor == null ? List.of() : items.findByVendorId(vendorId);
        if (vendor == null || vendor.status() != VendorStatus.APPROVED) {
            index.removeVendor(vendorId);
            index.removeItems(menu.stream().map(MenuItem::id).toList());
            return;
        }
        Map<UUID, StockLevel> stock = inventory.findAll(menu.stream().map(MenuItem::id).toList());
        index.upsert(vendorDoc(vendor), menu.stream().map(i -> itemDoc(vendor, i, stock.get(i.id()))).toList());
    }

    /** Rebuilds both indices from PostgreSQL; returns how many vendors were indexed. */
    @Transactional(readOnly = true)
    public int reindexAll() {
        index.recreateIndices();
        int count = 0;
        for (UUID id : vendors.idsWithStatus(VendorStatus.APPROVED)) {
            sync(id, Set.of());
            count++;
        }
        log.info("Reindexed {} approved vendors", count);
        return count;
    }

    static SearchDocuments.VendorDoc vendorDoc(Vendor v) {
        List<Instant[]> closed = OpeningHours.closedIntervals(v.closures(), v.zone());
        return new SearchDocuments.VendorDoc(v.id(), v.name(), v.category().name(), v.cuisines(), v.description(),
                v.city(), v.lat(), v.lng(), v.priceLevel(), v.ratingAverage(), v.ratingCount(), v.currency(),
                v.prepMinutes(), v.timeZone(), OpeningHours.weekRanges(v.weeklyHours()), closed);
    }

    static SearchDocuments.ItemDoc itemDoc(Vendor v, MenuItem i, StockLevel stock) {
        return new SearchDocuments.ItemDoc(i.id(), v.id(), v.name(), v.category().name(), i.section(), i.name(),
                i.description(), i.priceMinor(), v.currency(), i.available() && (stock == null || stock.inStock()),
                v.lat(), v.lng(), i.dietaryTags());
    }

}
