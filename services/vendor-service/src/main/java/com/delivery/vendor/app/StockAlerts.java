package com.delivery.vendor.app;

import com.delivery.events.InventoryLowStock;
import com.delivery.events.InventoryOutOfStock;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItems;
import com.delivery.vendor.domain.StockAlert;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * After any stock change: {@code inventory.low_stock} / {@code inventory.out_of_stock} through the outbox once per
 * threshold crossing, the cached menu evicted (availability may have changed), and search and the catalog snapshot
 * ({@link CatalogPublisher}, through {@link VendorChanged}) updated only when the item runs out or comes back: an
 * order's reservation that leaves units on the shelf changes neither, so orders do not publish a whole menu each.
 */
@Component
class StockAlerts {

    private static final Logger log = LoggerFactory.getLogger(StockAlerts.class);

    private final OutboxWriter outbox;
    private final MenuItems items;
    private final VendorCaches caches;
    private final ApplicationEventPublisher events;

    StockAlerts(OutboxWriter outbox, MenuItems items, VendorCaches caches, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.items = items;
        this.caches = caches;
        this.events = events;
    }

    /** {@code before} is {@link Integer#MAX_VALUE} for an item that was not tracked until now. */
    void changed(UUID vendorId, UUID menuItemId, int before, int after, int threshold) {
        caches.evictMenu(vendorId);
        StockAlert alert = StockAlert.crossing(before, after, threshold);
        if (alert != StockAlert.NONE) {
            String name = items.findById(menuItemId).map(MenuItem::name).orElse("Item " + menuItemId);
            if (alert == StockAlert.OUT) {
                outbox.append(new InventoryOutOfStock(vendorId, menuItemId, name, 0, threshold));
            } else {
                outbox.append(new InventoryLowStock(vendorId, menuItemId, name, after, threshold));
            }
            log.info("Stock of {} {} went from {} to {}: {}", name, menuItemId,
                    before == Integer.MAX_VALUE ? "untracked" : before, after, alert);
        }
        if ((before > 0) != (after > 0)) {
            events.publishEvent(new VendorChanged(vendorId, Set.of()));
        }
    }
}
