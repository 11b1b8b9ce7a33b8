package com.delivery.vendor.app;

import com.delivery.events.GeoPoint;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.vendor.domain.OpeningHours;
import com.delivery.vendor.domain.StockLevel;
import com.delivery.vendor.domain.VendorStatus;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the {@code vendor.catalog_updated} snapshot from what was read, with the rules checkout uses
 * ({@link QuoteService}): orders are taken only from an approved vendor, an item with a stock count of 0 is out of
 * stock (one without a count never runs out), and the hours in the form the search documents use.
 */
final class CatalogSnapshots {

    private CatalogSnapshots() {
    }

    /** @param stock the stock levels of the tracked items among {@code catalog.items()} */
    static VendorCatalogUpdated of(long version, CatalogSource.Catalog catalog, Map<UUID, StockLevel> stock) {
        ZoneId zone = ZoneId.of(catalog.timeZone());
        return new VendorCatalogUpdated(catalog.vendorId(), version, catalog.name(), catalog.city(),
                catalog.ownerUserId(), catalog.category(), catalog.currency(),
                catalog.status() == VendorStatus.APPROVED, catalog.prepMinutes(),
                new GeoPoint(catalog.lat(), catalog.lng()), catalog.timeZone(),
                OpeningHours.weekRanges(catalog.weeklyHours()).stream()
                        .map(r -> new VendorCatalogUpdated.OpenRange(r[0], r[1])).toList(),
                OpeningHours.closedIntervals(catalog.closures(), zone).stream()
                        .map(c -> new VendorCatalogUpdated.Closure(c[0], c[1])).toList(),
                catalog.zones().stream()
                        .map(z -> new VendorCatalogUpdated.Zone(z.id(), z.areaWkt(), z.deliveryFeeMinor(),
                                z.minimumOrderMinor()))
                        .toList(),
                catalog.items().stream().map(i -> item(i, stock.get(i.id()))).toList());
    }

    private static VendorCatalogUpdated.Item item(CatalogSource.Item item, StockLevel stock) {
        return new VendorCatalogUpdated.Item(item.id(), item.name(), item.priceMinor(), item.available(),
                stock == null || stock.inStock(), item.prescriptionRequired(), item.prepMinutes(),
                item.options().stream()
                        .map(o -> new VendorCatalogUpdated.Option(o.id(), o.name(), o.priceDeltaMinor()))
                        .toList());
    }
}
