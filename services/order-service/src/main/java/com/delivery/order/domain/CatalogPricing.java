package com.delivery.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices a prospective order from the vendor's catalog replica, with the vendor service's own rules (its
 * {@code QuoteService}): unit price = item price + option deltas, fee and minimum from the zone covering the address,
 * preparation time the longest of the vendor's and the items' own, and every reason the order cannot be placed in
 * {@code problems}.
 *
 * <p>What it cannot know: how many units are left. The replica says only whether an item was in stock when the
 * vendor last published; an order for more than is left is placed and then cancelled by the saga
 * ({@code inventory.rejected}, reason OUT_OF_STOCK) before any money moves.
 */
public final class CatalogPricing {

    private CatalogPricing() {
    }

    /** What the customer asks for: the lines and where they go. */
    public record Request(List<Line> lines, double deliveryLat, double deliveryLng) {

        public Request {
            lines = List.copyOf(lines);
        }
    }

    public record Line(UUID menuItemId, int quantity, List<UUID> optionIds) {

        public Line {
            optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        }
    }

    public static CatalogQuote quote(VendorCatalog catalog, Request request, Instant at) {
        List<String> problems = new ArrayList<>();
        if (!catalog.acceptingOrders()) {
            problems.add("The vendor is not approved to take orders");
        }
        boolean open = catalog.isOpenAt(at);
        if (!open) {
            problems.add("The vendor is closed now");
        }
        Optional<VendorCatalog.Zone> zone = catalog.zoneCovering(request.deliveryLat(), request.deliveryLng());
        if (zone.isEmpty()) {
            problems.add("The delivery address is outside the vendor's delivery zones");
        }

        List<CatalogQuote.Line> lines = new ArrayList<>();
        long subtotal = 0;
        int prepMinutes = catalog.prepMinutes();
        for (Line requested : request.lines()) {
            Optional<VendorCatalog.Item> known = catalog.item(requested.menuItemId());
            if (known.isEmpty()) {
                problems.add("Unknown menu item " + requested.menuItemId());
                continue;
            }
            VendorCatalog.Item item = known.get();
            List<VendorCatalog.Option> options = new ArrayList<>();
            long unitPrice = item.priceMinor();
            // an option asked for twice is one option, as at the vendor
            for (UUID optionId : new LinkedHashSet<>(requested.optionIds())) {
                Optional<VendorCatalog.Option> option = item.option(optionId);
                if (option.isEmpty()) {
                    problems.add("Unknown option " + optionId + " for " + item.name());
                    continue;
                }
                options.add(option.get());
                unitPrice += option.get().priceDeltaMinor();
            }
            if (!item.available()) {
                problems.add(item.name() + " is unavailable");
            } else if (!item.inStock()) {
                problems.add(item.name() + " is out of stock");
            }
            long lineTotal = Math.multiplyExact(unitPrice, (long) requested.quantity());
            subtotal = Math.addExact(subtotal, lineTotal);
            if (item.prepMinutes() != null) {
                prepMinutes = Math.max(prepMinutes, item.prepMinutes());
            }
            lines.add(new CatalogQuote.Line(item.menuItemId(), item.name(), requested.quantity(), unitPrice,
                    lineTotal, item.available() && item.inStock(), item.prescriptionRequired(), options));
        }
        long minimum = zone.map(VendorCatalog.Zone::minimumOrderMinor).orElse(0L);
        if (zone.isPresent() && subtotal < minimum) {
            problems.add("The subtotal " + subtotal + " is below the zone's minimum order of " + minimum + " "
                    + catalog.currency() + " minor units");
        }
        return new CatalogQuote(catalog.vendorId(), catalog.name(), catalog.city(), catalog.ownerUserId(),
                catalog.category(), catalog.currency(), open, zone.isPresent(),
                zone.map(VendorCatalog.Zone::zoneId).orElse(null), minimum,
                zone.map(VendorCatalog.Zone::deliveryFeeMinor).orElse(0L), subtotal, prepMinutes,
                catalog.location(), lines, problems);
    }
}
