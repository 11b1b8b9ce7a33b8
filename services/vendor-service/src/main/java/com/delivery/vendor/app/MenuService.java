package com.delivery.vendor.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItemDetails;
import com.delivery.vendor.domain.MenuItems;
import com.delivery.vendor.domain.Vendor;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Menu items with their options; every change evicts the cached menu and updates search and the catalog snapshot
 * ({@link VendorChanged}).
 */
@Service
public class MenuService {

    private final MenuItems items;
    private final Inventory inventory;
    private final VendorAccess access;
    private final VendorReader reader;
    private final VendorCaches caches;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MenuService(MenuItems items, Inventory inventory, VendorAccess access, VendorReader reader, VendorCaches caches,
            ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.inventory = inventory;
        this.access = access;
        this.reader = reader;
        this.caches = caches;
        this.events = events;
        this.clock = clock;
    }

    public MenuView menu(UUID vendorId, CurrentUser user) {
        access.visible(reader.profile(vendorId), user);
        return reader.menu(vendorId);
    }

    @Transactional
    public MenuView.Item add(UUID vendorId, CurrentUser user, MenuItemDetails details, Integer initialStock,
            Integer lowStockThreshold) {
        Vendor vendor = access.forChange(vendorId, user);
        MenuItem item = items.saveAndFlush(new MenuItem(UUID.randomUUID(), vendor.id(), details, clock.instant()));
        var stock = initialStock == null ? null
                : inventory.set(item.id(), vendor.id(), requireNotNegative(initialStock, "stock"),
                        lowStockThreshold == null ? 0 : requireNotNegative(lowStockThreshold, "lowStockThreshold"));
        changed(vendorId, Set.of());
        return MenuView.Item.of(item, stock);
    }

    @Transactional
    public MenuView.Item update(UUID vendorId, UUID itemId, CurrentUser user, MenuItemDetails details) {
        access.forChange(vendorId, user);
        MenuItem item = load(vendorId, itemId);
        item.update(details, clock.instant());
        items.save(item);
        changed(vendorId, Set.of());
        return MenuView.Item.of(item, inventory.find(itemId).orElse(null));
    }

    @Transactional
    public void delete(UUID vendorId, UUID itemId, CurrentUser user) {
        access.forChange(vendorId, user);
        items.delete(load(vendorId, itemId));
        changed(vendorId, Set.of(itemId));
    }

    @Transactional(readOnly = true)
    public MenuView.Item item(UUID vendorId, UUID itemId, CurrentUser user) {
        access.visible(vendorId, user);
        MenuItem item = load(vendorId, itemId);
        return MenuView.Item.of(item, inventory.find(itemId).orElse(null));
    }

    MenuItem load(UUID vendorId, UUID itemId) {
        return items.findById(itemId).filter(i -> i.vendorId().equals(vendorId))
                .orElseThrow(() -> ApiException.notFound("Menu item", itemId));
    }

    private void changed(UUID vendorId, Set<UUID> removed) {
        caches.evictMenu(vendorId);
        events.publishEvent(new VendorChanged(vendorId, removed));
    }

    static int requireNotNegative(int value, String field) {
        if (value < 0) {
            throw ApiException.badRequest("negative-stock", field + " cannot be negative");
        }
        return value;
    }
}
