package com.delivery.vendor.app;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.StockLevel;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's stock operations: set a count, restock (add), stop tracking; alerts on threshold crossings. Each one
 * publishes the vendor's catalog snapshot (rare, unlike the order reservations, which publish one only when an item
 * runs out or comes back, see {@link StockAlerts}).
 */
@Service
public class InventoryService {

    public enum Operation { SET, RESTOCK, UNTRACK }

    private final Inventory inventory;
    private final VendorAccess access;
    private final MenuService menu;
    private final StockAlerts alerts;
    private final CatalogPublisher catalog;

    InventoryService(Inventory inventory, VendorAccess access, MenuService menu, StockAlerts alerts,
            CatalogPublisher catalog) {
        this.inventory = inventory;
        this.access = access;
        this.menu = menu;
        this.alerts = alerts;
        this.catalog = catalog;
    }

    @Transactional
    public StockView change(UUID vendorId, UUID itemId, CurrentUser user, Operation operation, Integer quantity,
            Integer lowStockThreshold) {
        access.forChange(vendorId, user);
        menu.load(vendorId, itemId);
        StockLevel before = inventory.lock(List.of(itemId)).get(itemId);
        catalog.changed(vendorId);
        if (operation == Operation.UNTRACK) {
            inventory.untrack(itemId);
            alerts.changed(vendorId, itemId, before == null ? Integer.MAX_VALUE : before.available(), Integer.MAX_VALUE, 0);
            return StockView.of(itemId, null);
        }
        if (quantity == null) {
            throw ApiException.badRequest("quantity-required", "quantity is required for " + operation);
        }
        MenuService.requireNotNegative(quantity, "quantity");
        int threshold = lowStockThreshold != null ? MenuService.requireNotNegative(lowStockThreshold, "lowStockThreshold")
                : before == null ? 0 : before.lowStockThreshold();
        int available = switch (operation) {
            case SET -> quantity;
            case RESTOCK -> Math.addExact(before == null ? 0 : before.available(), quantity);
            case UNTRACK -> throw new IllegalStateException();
        };
        StockLevel after = inventory.set(itemId, vendorId, available, threshold);
        alerts.changed(vendorId, itemId, before == null ? Integer.MAX_VALUE : before.available(), after.available(),
                threshold);
        return StockView.of(itemId, after);
    }

    @Transactional(readOnly = true)
    public StockView get(UUID vendorId, UUID itemId, CurrentUser user) {
        access.forChange(vendorId, user);
        menu.load(vendorId, itemId);
        return StockView.of(itemId, inventory.find(itemId).orElse(null));
    }

    @Transactional(readOnly = true)
    public List<StockView> all(UUID vendorId, CurrentUser user) {
        access.forChange(vendorId, user);
        return inventory.findByVendor(vendorId).stream().map(l -> StockView.of(l.menuItemId(), l)).toList();
    }
}
