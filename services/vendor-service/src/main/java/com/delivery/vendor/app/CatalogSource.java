package com.delivery.vendor.app;

import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.SpecialClosure;
import com.delivery.vendor.domain.VendorStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What a vendor's catalog snapshot is built from, read with plain SQL in the current transaction: straight from the
 * tables, never from the JPA session, whose entities may have been loaded before another transaction committed a
 * change of the same vendor (the snapshot must contain that change).
 */
public interface CatalogSource {

    /**
     * Row-locks the vendor until the transaction ends (without blocking the key-share locks that inserts of its
     * items and zones take) and returns the version of its last published snapshot (0: never); empty if there is no
     * such vendor. Whoever holds the lock is the only one building this vendor's snapshot.
     */
    OptionalLong lockVersion(UUID vendorId);

    /** Records the version of the snapshot about to be published; only under the lock of {@link #lockVersion}. */
    void setVersion(UUID vendorId, long version);

    /** The vendor as committed, plus what this transaction changed (JPA changes must be flushed first). */
    Optional<Catalog> read(UUID vendorId);

    /**
     * Row-locks up to {@code limit} vendors that never published a snapshot, with an id above {@code after} (null:
     * from the start), in id order. Vendors locked by a running change are skipped: that change publishes them.
     */
    List<UUID> lockUnpublished(UUID after, int limit);

    /**
     * @param weeklyHours the schedule in {@code timeZone}
     * @param zones       in creation order
     * @param items       the whole menu, in section and position order
     */
    record Catalog(UUID vendorId, String name, String city, UUID ownerUserId, String category, String currency,
            VendorStatus status, int prepMinutes, double lat, double lng, String timeZone,
            List<OpeningWindow> weeklyHours, List<SpecialClosure> closures, List<Zone> zones, List<Item> items) {
    }

    /** @param areaWkt the polygon as PostGIS writes it ({@code ST_AsText}) */
    record Zone(UUID id, String areaWkt, long deliveryFeeMinor, long minimumOrderMinor) {
    }

    /** @param available the owner's switch (stock is separate) */
    record Item(UUID id, String name, long priceMinor, boolean available, boolean prescriptionRequired,
            Integer prepMinutes, List<Option> options) {
    }

    record Option(UUID id, String name, long priceDeltaMinor) {
    }
}
