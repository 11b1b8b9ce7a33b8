package com.delivery.vendor.app;

import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItems;
import com.delivery.vendor.domain.StockLevel;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.Vendors;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads profiles and menus through the Redis cache (profiles 1 h, menus 10 min; every change evicts). */
@Service
public class VendorReader {

    private final Vendors vendors;
    private final MenuItems items;
    private final Inventory inventory;

    VendorReader(Vendors vendors, MenuItems items, Inventory inventory) {
        this.vendors = vendors;
        this.items = items;
        this.inventory = inventory;
    }

    @Cacheable(cacheNames = VendorProperties.PROFILES, key = "#vendorId")
    @Transactional(readOnly = true)
    public VendorView profile(UUID vendorId) {
        return VendorView.of(vendors.findById(vendorId).orElseThrow(() -> ApiException.notFound("Vendor", vendorId)));
    }

    @Cacheable(cacheNames = VendorProperties.MENUS, key = "#vendorId")
    @Transactional(readOnly = true)
    public MenuView menu(UUID vendorId) {
        Vendor vendor = vendors.findById(vendorId).orElseThrow(() -> ApiException.notFound("Vendor", vendorId));
        return buildMenu(vendor);
    }

    MenuView buildMenu(Vendor vendor) {
        List<MenuItem> all = items.findByVendorId(vendor.id()).stream()
                .sorted(Comparator.comparing(MenuItem::section).thenComparingInt(MenuItem::position)
                        .thenComparing(MenuItem::name))
                .toList();
        Map<UUID, StockLevel> stock = inventory.findAll(all.stream().map(MenuItem::id).toList());
        return new MenuView(vendor.id(), vendor.currency(),
                all.stream().map(i -> MenuView.Item.of(i, stock.get(i.id()))).toList());
    }
}
