package com.delivery.order.app;

import com.delivery.events.VendorCatalogUpdated;
import com.delivery.order.domain.UnusableCatalogException;
import com.delivery.order.domain.VendorCatalog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code vendor.catalog_updated}: keeps the newest snapshot of each vendor, which checkout then prices from. Called
 * once per event id; snapshots may arrive late or twice, and only a higher version replaces the stored one.
 */
@Service
public class VendorCatalogReplication {

    private static final Logger log = LoggerFactory.getLogger(VendorCatalogReplication.class);

    private final VendorCatalogs catalogs;
    private final Clock clock;

    VendorCatalogReplication(VendorCatalogs catalogs, Clock clock) {
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @Transactional
    public void catalogUpdated(VendorCatalogUpdated snapshot) {
        try {
            VendorCatalog.from(snapshot);
        } catch (UnusableCatalogException e) {
            // stored all the same: it is the vendor's newest state, and an older one must not price orders any more;
            // checkout asks the vendor service for this vendor until a usable snapshot arrives
            log.error("{}; checkouts of this vendor go to the vendor service", e.getMessage());
        }
        boolean kept = catalogs.keepIfNewer(snapshot, clock.instant());
        log.info("Vendor catalog vendorId={} version={} {}", snapshot.vendorId(), snapshot.version(),
                kept ? "stored" : "ignored: the replica holds this version or a newer one");
    }
}
