package com.delivery.vendor.app;

import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.DeliveryZone;
import com.delivery.vendor.domain.DeliveryZones;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.ItemOption;
import com.delivery.vendor.domain.MenuItem;
import com.delivery.vendor.domain.MenuItems;
import com.delivery.vendor.domain.StockLevel;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.Vendors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices a prospective order from the database, never from what a client sent: unit price = item price + option
 * deltas, fee and minimum from the zone covering the address, and every reason the order cannot be placed in
 * {@code problems}. Reads only: a quote never reserves stock.
 */
@Service
public class QuoteService {

    private final Vendors vendors;
    private final MenuItems items;
    private final Inventory inventory;
    private final DeliveryZones zones;
    private final Clock clock;

    QuoteService(Vendors vendors, MenuItems items, Inventory inventory, DeliveryZones zones, Clock clock) {
        this.vendors = vendors;
        this.items = items;
        this.inventory = inventory;
        this.zones = zones;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Quote quote(UUID vendorId, Quote.Request request) {
        Vendor vendor = vendors.findById(vendorId).orElseThrow(() -> ApiException.notFound("Vendor", vendorId));
        List<String> problems = new ArrayList<>();
        if (!vendor.isApproved()) {
            problems.add("The vendor is not approved to take orders (" + vendor.status() + ")");
        }
        boolean open = vendor.isOpenAt(clock.instant());
        if (!open) {
            problems.add("The vendor is closed now");
        }
        Optional<DeliveryZone> zone = zones.findCovering(vendorId, request.deliveryLat(), request.deliveryLng());
        if (zone.isEmpty()) {
            problems.add("The delivery address is outside the vendor's delivery zones");
        }

        List<UUID> ids = request.items().stream().map(Quote.RequestLine::menuItemId).distinct().toList();
        Map<UUID, MenuItem> known = items.findForVendor(vendorId, ids).stream()
                .collect(Collectors.toMap(MenuItem::id, Function.identity()));
        Map<UUID, StockLevel> stock = inventory.findAll(known.keySet());
        Map<UUID, Integer> orderedPerItem = new HashMap<>();
        request.items().forEach(l -> orderedPerItem.merge(l.menuItemId(), l.quantity(), Integer::sum));

        List<Quote.Line> lines = new ArrayList<>();
        long subtotal = 0;
        int prepMinutes = vendor.prepMinutes();
        for (Quote.RequestLine requested : request.items()) {
            MenuItem item = known.get(requested.menuItemId());
            if (item == null) {
                problems.add("Unknown menu item " + requested.menuItemId());
                continue;
            }
            List<Quote.Option> options = new ArrayList<>();
            long unitPrice = item.priceMinor();
            for (UUID optionId : new LinkedHashSet<>(requested.optionIds() == null ? List.<UUID>of() : requested.optionIds())) {
                Optional<ItemOption> option = item.option(optionId);
                if (option.isEmpty()) {
                    problems.add("Unknown option " + optionId + " for " + item.name());
                    continue;
                }
                options.add(new Quote.Option(optionId, option.get().name(), option.get().priceDeltaMinor()));
                unitPrice += option.get().priceDeltaMinor();
            }
            StockLevel level = stock.get(item.id());
            boolean available = item.available() && (level == null || level.inStock());
            if (!item.available()) {
                problems.add(item.name() + " is unavailable");
            } else if (level != null && !level.inStock()) {
                problems.add(item.name() + " is out of stock");
            } else if (level != null && level.available() < orderedPerItem.get(item.id())) {
                available = false;
                problems.add("Only " + level.available() + " of " + item.name() + " left");
            }
            long lineTotal = Math.multiplyExact(unitPrice, (long) requested.quantity());
            subtotal = Math.addExact(subtotal, lineTotal);
            if (item.prepMinutes() != null) {
                prepMinutes = Math.max(prepMinutes, item.prepMinutes());
            }
            lines.add(new Quote.Line(item.id(), item.name(), requested.quantity(), unitPrice, lineTotal, available,
                    item.prescriptionRequired(), List.copyOf(options)));
        }
        long minimum = zone.map(DeliveryZone::minimumOrderMinor).orElse(0L);
        if (zone.isPresent() && subtotal < minimum) {
            problems.add("The subtotal " + subtotal + " is below the zone's minimum order of " + minimum + " "
                    + vendor.currency() + " minor units");
        }
        return new Quote(vendor.id(), vendor.name(), vendor.city(), vendor.ownerUserId(), vendor.category().name(),
                vendor.currency(), open, zone.isPresent(), zone.map(DeliveryZone::id).orElse(null), minimum,
                zone.map(DeliveryZone::deliveryFeeMinor).orElse(0L), subtotal, prepMinutes, vendor.lat(),
                vendor.lng(), List.copyOf(lines), List.copyOf(problems));
    }
}
