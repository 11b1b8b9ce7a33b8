package com.delivery.order.domain;

import com.delivery.events.VendorCatalogUpdated;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * One vendor's catalog as the order service's replica holds it ({@code vendor.catalog_updated}), made ready for
 * pricing checkouts: the time zone resolved, every delivery zone parsed once into a prepared geometry (its spatial
 * index is built on first use and then shared by every checkout of this version), items and options by id.
 * Immutable and safe to share between threads.
 *
 * @param weeklyOpen [start, end) minutes since Monday 00:00 in {@code timeZone}
 * @param zones      sorted the way the vendor service picks among zones covering one address
 */
public record VendorCatalog(UUID vendorId, long version, String name, String city, UUID ownerUserId,
        String category, String currency, boolean acceptingOrders, int prepMinutes, Location location,
        ZoneId timeZone, List<OpenRange> weeklyOpen, List<Closure> closures, List<Zone> zones,
        Map<UUID, Item> items) {

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * The vendor service's {@code ORDER BY delivery_fee_minor, minimum_order_minor, id}. PostgreSQL orders uuids by
     * their bytes, unsigned; {@link UUID#compareTo} compares signed halves and disagrees for ids starting with 8-f,
     * so the ids are compared as their lower-case text, which sorts exactly like the bytes.
     */
    static final Comparator<Zone> VENDOR_ZONE_ORDER = Comparator.comparingLong(Zone::deliveryFeeMinor)
            .thenComparingLong(Zone::minimumOrderMinor)
            .thenComparing(zone -> zone.zoneId().toString());

    public VendorCatalog {
        weeklyOpen = List.copyOf(weeklyOpen);
        closures = List.copyOf(closures);
        zones = zones.stream().sorted(VENDOR_ZONE_ORDER).toList();
        items = Map.copyOf(items);
    }

    /**
     * Reads a snapshot as the vendor published it.
     *
     * @throws UnusableCatalogException when a zone is not a readable polygon or the time zone is unknown
     */
    public static VendorCatalog from(VendorCatalogUpdated snapshot) {
        ZoneId timeZone;
        try {
            timeZone = ZoneId.of(snapshot.timeZone());
        } catch (DateTimeException e) {
            throw new UnusableCatalogException(snapshot.vendorId(), snapshot.version(),
                    "unknown time zone '" + snapshot.timeZone() + "'");
        }
        Map<UUID, Item> items = new LinkedHashMap<>();
        for (VendorCatalogUpdated.Item item : snapshot.items()) {
            Map<UUID, Option> options = new LinkedHashMap<>();
            item.options().forEach(o ->
                    options.put(o.optionId(), new Option(o.optionId(), o.name(), o.priceDeltaMinor())));
            items.put(item.menuItemId(), new Item(item.menuItemId(), item.name(), item.priceMinor(), item.available(),
                    item.inStock(), item.prescriptionRequired(), item.prepMinutes(), options));
        }
        return new VendorCatalog(snapshot.vendorId(), snapshot.version(), snapshot.name(), snapshot.city(),
                snapshot.ownerUserId(), snapshot.category(), snapshot.currency(), snapshot.acceptingOrders(),
                snapshot.prepMinutes(), new Location(snapshot.location().lat(), snapshot.location().lng()), timeZone,
                snapshot.weeklyOpen().stream().map(r -> new OpenRange(r.start(), r.end())).toList(),
                snapshot.closures().stream().map(c -> new Closure(c.from(), c.to())).toList(),
                snapshot.zones().stream().map(z -> zone(snapshot, z)).toList(), items);
    }

    private static Zone zone(VendorCatalogUpdated snapshot, VendorCatalogUpdated.Zone zone) {
        Geometry area;
        try {
            area = new WKTReader(WGS84).read(zone.area());
        } catch (ParseException e) {
            throw new UnusableCatalogException(snapshot.vendorId(), snapshot.version(),
                    "zone " + zone.zoneId() + " is not readable WKT: " + e.getMessage());
        }
        if (!(area instanceof Polygonal) || area.isEmpty()) {
            throw new UnusableCatalogException(snapshot.vendorId(), snapshot.version(),
                    "zone " + zone.zoneId() + " is a " + area.getGeometryType() + ", not a polygon");
        }
        return new Zone(zone.zoneId(), PreparedGeometryFactory.prepare(area), zone.deliveryFeeMinor(),
                zone.minimumOrderMinor());
    }

    /** Open by the weekly schedule, read in the vendor's own time zone, and not inside a closure. */
    public boolean isOpenAt(Instant at) {
        if (closures.stream().anyMatch(c -> c.covers(at))) {
            return false;
        }
        ZonedDateTime local = at.atZone(timeZone);
        int minuteOfWeek = (local.getDayOfWeek().getValue() - 1) * MINUTES_PER_DAY + local.getHour() * 60
                + local.getMinute();
        return weeklyOpen.stream().anyMatch(r -> r.covers(minuteOfWeek));
    }

    /** The zone the vendor service would choose for this address: the cheapest covering it, empty if none does. */
    public Optional<Zone> zoneCovering(double lat, double lng) {
        Geometry point = WGS84.createPoint(new Coordinate(lng, lat));
        return zones.stream().filter(zone -> zone.area().covers(point)).findFirst();
    }

    public Optional<Item> item(UUID menuItemId) {
        return Optional.ofNullable(items.get(menuItemId));
    }

    /**
     * Open from {@code start} (inclusive) to {@code end} (exclusive), minutes since Monday 00:00 local time. The
     * vendor splits a window running past Sunday midnight into two ranges, so one range never wraps.
     */
    public record OpenRange(int start, int end) {

        boolean covers(int minuteOfWeek) {
            return minuteOfWeek >= start && minuteOfWeek < end;
        }
    }

    /** Closed from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Closure(Instant from, Instant to) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** A delivery zone; a point on its border is inside (PostGIS {@code ST_Covers}, as the vendor service tests it). */
    public record Zone(UUID zoneId, PreparedGeometry area, long deliveryFeeMinor, long minimumOrderMinor) {
    }

    /** A menu item; {@code prepMinutes} null means the vendor's own preparation time. */
    public record Item(UUID menuItemId, String name, long priceMinor, boolean available, boolean inStock,
            boolean prescriptionRequired, Integer prepMinutes, Map<UUID, Option> options) {

        public Item {
            options = Map.copyOf(options);
        }

        public Optional<Option> option(UUID optionId) {
            return Optional.ofNullable(options.get(optionId));
        }
    }

    public record Option(UUID optionId, String name, long priceDeltaMinor) {
    }
}
