package com.delivery.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything checkout needs to price an order at this vendor, as of one committed change: the order service keeps the
 * latest of these per vendor and prices orders from it, with no call to the vendor service (FTGO's restaurant
 * replica). A whole snapshot, never a delta, so a consumer needs only the newest one; {@code version} grows with
 * every change of the vendor (snapshots of one vendor are built one after the other under its row lock), so a
 * consumer keeps a snapshot only if its version is higher than the one it has. The vendor stays authoritative for
 * stock: {@code inStock} is as of the snapshot; the units themselves are held by the saga
 * ({@code inventory.reserved} / {@code inventory.rejected}). Keyed by vendor.
 *
 * @param version          +1 per snapshot of this vendor (not the envelope's schema version); higher is newer
 * @param acceptingOrders  the vendor is approved (a pending, rejected, suspended or closed vendor takes no orders)
 * @param weeklyOpen       weekly opening as [start, end) minutes since Monday 00:00 in {@code timeZone}
 * @param closures         special closures as absolute [start, end) instants
 * @param zones            where the vendor delivers, with the fee and minimum order there
 * @param items            the whole menu, in menu order
 */
public record VendorCatalogUpdated(UUID vendorId, long version, String name, String city, UUID ownerUserId,
        String category, String currency, boolean acceptingOrders, int prepMinutes, GeoPoint location,
        String timeZone, List<OpenRange> weeklyOpen, List<Closure> closures, List<Zone> zones, List<Item> items)
        implements EventPayload {

    public VendorCatalogUpdated {
        Checks.required(vendorId, "vendorId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive, was " + version);
        }
        Checks.requiredText(name, "name");
        Checks.required(ownerUserId, "ownerUserId");
        Checks.requiredText(category, "category");
        Checks.currency(currency);
        Checks.notNegative(prepMinutes, "prepMinutes");
        Checks.required(location, "location");
        Checks.requiredText(timeZone, "timeZone");
        weeklyOpen = List.copyOf(Checks.required(weeklyOpen, "weeklyOpen"));
        closures = List.copyOf(Checks.required(closures, "closures"));
        zones = List.copyOf(Checks.required(zones, "zones"));
        items = List.copyOf(Checks.required(items, "items"));
    }

    @Override
    public String aggregateId() {
        return vendorId.toString();
    }

    /** Open from {@code start} (inclusive) to {@code end} (exclusive), minutes since Monday 00:00 local time. */
    public record OpenRange(int start, int end) {

        public OpenRange {
            Checks.notNegative(start, "start");
            if (end <= start || end > 7 * 24 * 60) {
                throw new IllegalArgumentException("end must be after start and within the week");
            }
        }
    }

    /** Closed from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Closure(Instant from, Instant to) {

        public Closure {
            Checks.required(from, "from");
            Checks.required(to, "to");
        }
    }

    /**
     * A delivery zone.
     *
     * @param area WKT polygon in WGS84 (x = longitude, y = latitude), as the vendor stores it
     */
    public record Zone(UUID zoneId, String area, long deliveryFeeMinor, long minimumOrderMinor) {

        public Zone {
            Checks.required(zoneId, "zoneId");
            Checks.requiredText(area, "area");
            Checks.amount(deliveryFeeMinor, "deliveryFeeMinor");
            Checks.amount(minimumOrderMinor, "minimumOrderMinor");
        }
    }

    /**
     * A menu item.
     *
     * @param available   offered by the vendor (false: taken off the menu for now)
     * @param inStock     false when its stock count was 0 at this snapshot (items without a count are in stock)
     * @param prepMinutes its own preparation time, or null for the vendor's
     */
    public record Item(UUID menuItemId, String name, long priceMinor, boolean available, boolean inStock,
            boolean prescriptionRequired, Integer prepMinutes, List<Option> options) {

        public Item {
            Checks.required(menuItemId, "menuItemId");
            Checks.requiredText(name, "name");
            Checks.amount(priceMinor, "priceMinor");
            options = List.copyOf(Checks.required(options, "options"));
        }
    }

    /** An option of an item, with what it adds to (or takes from) the item's price. */
    public record Option(UUID optionId, String name, long priceDeltaMinor) {

        public Option {
            Checks.required(optionId, "optionId");
            Checks.requiredText(name, "name");
        }
    }
}
