package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.GeoPoint;
import com.delivery.events.Topics;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import com.delivery.vendor.Vendors.TestVendor;
import com.delivery.vendor.app.CatalogBackfill;
import com.delivery.vendor.app.StockReservations;
import com.delivery.vendor.app.VendorCatalog;
import com.delivery.vendor.app.ZoneService;
import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.OrderStockState;
import com.delivery.vendor.domain.VendorCategory;
import com.delivery.vendor.domain.VendorDetails;
import com.delivery.vendor.domain.ZonePolygon;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code vendor.catalog_updated}: every committed change checkout depends on publishes one whole snapshot of the
 * vendor with the next version, seen here as it reached Kafka; order reservations publish only when an item runs
 * out or comes back.
 */
class CatalogSnapshotIT extends VendorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    StockReservations reservations;

    @Autowired
    CatalogBackfill backfill;

    @Autowired
    VendorCatalog catalog;

    @Autowired
    ZoneService zones;

    @Autowired
    PlatformTransactionManager transactions;

    private EventProbe probe;

    @BeforeEach
    void openProbe() {
        probe = EventProbe.open(Topics.VENDOR_CATALOG_UPDATED);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private List<VendorCatalogUpdated> published(UUID vendorId) {
        return probe.valuesFor(Topics.VENDOR_CATALOG_UPDATED, vendorId.toString()).stream()
                .map(json -> EventCodec.decode(json, VendorCatalogUpdated.class).payload())
                .toList();
    }

    /** Waits until the vendor's latest snapshot on Kafka is the one of that version, and returns it. */
    private VendorCatalogUpdated snapshot(UUID vendorId, long version) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<VendorCatalogUpdated> seen = published(vendorId);
            assertThat(seen).as("snapshots of %s", vendorId).isNotEmpty();
            assertThat(seen.getLast().version()).as("the latest snapshot of %s", vendorId).isEqualTo(version);
        });
        return published(vendorId).getLast();
    }

    private long catalogVersion(UUID vendorId) {
        return jdbc.queryForObject("SELECT catalog_version FROM vendors WHERE id = ?", Long.class, vendorId);
    }

    /** Snapshots written to the outbox for the vendor: complete once the transaction committed. */
    private long snapshotsWritten(UUID vendorId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE topic = ? AND aggregate_id = ?", Long.class,
                Topics.VENDOR_CATALOG_UPDATED, vendorId.toString());
    }

    /** The vendor's current version, once its snapshot reached Kafka. */
    private long settled(TestVendor vendor) {
        long version = catalogVersion(vendor.id());
        snapshot(vendor.id(), version);
        assertThat(snapshotsWritten(vendor.id())).as("one snapshot per version").isEqualTo(version);
        return version;
    }

    private static UUID id(Response response) {
        return UUID.fromString(response.text("id"));
    }

    @Test
    void aVendorIsPublishedFromRegistrationOnAndApprovalOpensItForOrders() {
        TestVendor luigi = vendors.pendingPizzeria();

        VendorCatalogUpdated pending = snapshot(luigi.id(), 2);
        assertThat(published(luigi.id())).extracting(VendorCatalogUpdated::version)
                .as("registration, then the hours").containsExactly(1L, 2L);
        assertThat(pending.acceptingOrders()).isFalse();
        assertThat(pending.name()).isEqualTo("Luigi's Pizzeria");
        assertThat(pending.city()).isEqualTo("Berlin");
        assertThat(pending.ownerUserId()).isEqualTo(luigi.ownerId());
        assertThat(pending.category()).isEqualTo("FOOD");
        assertThat(pending.currency()).isEqualTo("EUR");
        assertThat(pending.prepMinutes()).isEqualTo(15);
        assertThat(pending.location()).isEqualTo(new GeoPoint(Vendors.MITTE_LAT, Vendors.MITTE_LNG));
        assertThat(pending.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(pending.weeklyOpen()).as("around the clock, day by day").hasSize(7)
                .allSatisfy(range -> assertThat(range.end() - range.start()).isEqualTo(24 * 60));
        assertThat(pending.zones()).isEmpty();
        assertThat(pending.items()).isEmpty();

        ok(api.post("/api/v1/admin/vendors/" + luigi.id() + "/approve", null, admin));
        assertThat(snapshot(luigi.id(), 3).acceptingOrders()).isTrue();

        Map<String, Object> renamed = Vendors.pizzeria("Luigi's Trattoria");
        renamed.put("prepMinutes", 25);
        ok(api.put(luigi.path(), renamed, luigi.ownerToken()));
        VendorCatalogUpdated profile = snapshot(luigi.id(), 4);
        assertThat(profile.name()).isEqualTo("Luigi's Trattoria");
        assertThat(profile.prepMinutes()).isEqualTo(25);

        ok(api.post("/api/v1/admin/vendors/" + luigi.id() + "/suspend", Map.of("reason", "Hygiene check"), admin));
        assertThat(snapshot(luigi.id(), 5).acceptingOrders()).isFalse();
        ok(api.post("/api/v1/admin/vendors/" + luigi.id() + "/reinstate", null, admin));
        assertThat(snapshot(luigi.id(), 6).acceptingOrders()).isTrue();
        assertThat(api.delete(luigi.path(), luigi.ownerToken()).status()).isEqualTo(204);
        assertThat(snapshot(luigi.id(), 7).acceptingOrders()).as("closed for good").isFalse();
    }

    @Test
    void everyMenuChangePublishesTheWholeMenuWithItsOptions() {
        TestVendor luigi = vendors.approvedPizzeria();
        long version = settled(luigi);

        Response added = ok(api.post(luigi.path() + "/menu", Menus.margherita(), luigi.ownerToken()));
        UUID margherita = id(added);
        UUID large = UUID.fromString(added.json().path("options").get(0).path("id").asString());
        UUID burrata = UUID.fromString(added.json().path("options").get(1).path("id").asString());
        VendorCatalogUpdated withPizza = snapshot(luigi.id(), ++version);
        assertThat(withPizza.items()).containsExactly(new VendorCatalogUpdated.Item(margherita, "Pizza Margherita",
                950, true, true, false, 20, List.of(new VendorCatalogUpdated.Option(large, "Large", 200),
                        new VendorCatalogUpdated.Option(burrata, "Burrata", 350))));

        Map<String, Object> dearer = Menus.margherita();
        dearer.put("priceMinor", 1090);
        dearer.put("options", List.of(
                Map.of("id", large, "group", "Size", "name", "Large", "priceDeltaMinor", 250),
                Map.of("id", burrata, "group", "Extras", "name", "Burrata", "priceDeltaMinor", 350)));
        ok(api.put(luigi.path() + "/menu/" + margherita, dearer, luigi.ownerToken()));
        VendorCatalogUpdated.Item repriced = snapshot(luigi.id(), ++version).items().getFirst();
        assertThat(repriced.priceMinor()).isEqualTo(1090);
        assertThat(repriced.options()).containsExactly(new VendorCatalogUpdated.Option(large, "Large", 250),
                new VendorCatalogUpdated.Option(burrata, "Burrata", 350));

        dearer.put("available", false);
        ok(api.put(luigi.path() + "/menu/" + margherita, dearer, luigi.ownerToken()));
        VendorCatalogUpdated.Item off = snapshot(luigi.id(), ++version).items().getFirst();
        assertThat(off.available()).isFalse();
        assertThat(off.inStock()).as("not counted, so never out of stock").isTrue();

        Map<String, Object> pills = Menus.item("Ibuprofen 400", 499);
        pills.put("prescriptionRequired", true);
        UUID ibuprofen = id(ok(api.post(luigi.path() + "/menu", pills, luigi.ownerToken())));
        assertThat(snapshot(luigi.id(), ++version).items())
                .filteredOn(item -> item.menuItemId().equals(ibuprofen)).singleElement()
                .satisfies(item -> {
                    assertThat(item.prescriptionRequired()).isTrue();
                    assertThat(item.prepMinutes()).isNull();
                    assertThat(item.options()).isEmpty();
                });

        assertThat(api.delete(luigi.path() + "/menu/" + margherita, luigi.ownerToken()).status()).isEqualTo(204);
        assertThat(snapshot(luigi.id(), ++version).items()).extracting(VendorCatalogUpdated.Item::menuItemId)
                .containsExactly(ibuprofen);
    }

    @Test
    void hoursClosuresAndZonesArePublished() {
        TestVendor luigi = vendors.approvedPizzeria();
        long version = settled(luigi);

        ok(api.put(luigi.path() + "/hours", Map.of(
                "weekly", List.of(Map.of("day", "TUESDAY", "opens", "11:00", "closes", "22:00"),
                        Map.of("day", "SUNDAY", "opens", "18:00", "closes", "01:00")),
                "closures", List.of(Map.of("from", "2026-12-24", "to", "2026-12-26", "reason", "Christmas"))),
                luigi.ownerToken()));
        VendorCatalogUpdated hours = snapshot(luigi.id(), ++version);
        assertThat(hours.weeklyOpen()).containsExactly(new VendorCatalogUpdated.OpenRange(0, 60),
                new VendorCatalogUpdated.OpenRange(1440 + 660, 1440 + 1320),
                new VendorCatalogUpdated.OpenRange(6 * 1440 + 1080, 7 * 1440));
        assertThat(hours.closures()).containsExactly(new VendorCatalogUpdated.Closure(
                Instant.parse("2026-12-23T23:00:00Z"), Instant.parse("2026-12-26T23:00:00Z")));

        UUID mitte = id(ok(api.post(luigi.path() + "/zones", Zones.mitte(), luigi.ownerToken())));
        String area = jdbc.queryForObject("SELECT ST_AsText(area) FROM delivery_zones WHERE id = ?", String.class,
                mitte);
        assertThat(snapshot(luigi.id(), ++version).zones())
                .containsExactly(new VendorCatalogUpdated.Zone(mitte, area, 299, 1500));
        assertThat(area).startsWith("POLYGON((");

        ok(api.put(luigi.path() + "/zones/" + mitte,
                Zones.square("Mitte", Vendors.MITTE_LAT, Vendors.MITTE_LNG, 0.03, 2000, 199), luigi.ownerToken()));
        String wider = jdbc.queryForObject("SELECT ST_AsText(area) FROM delivery_zones WHERE id = ?", String.class,
                mitte);
        assertThat(snapshot(luigi.id(), ++version).zones())
                .containsExactly(new VendorCatalogUpdated.Zone(mitte, wider, 199, 2000));

        assertThat(api.delete(luigi.path() + "/zones/" + mitte, luigi.ownerToken()).status()).isEqualTo(204);
        assertThat(snapshot(luigi.id(), ++version).zones()).isEmpty();
    }

    @Test
    void stockPublishesWhenAnItemRunsOutOrComesBackButNotForEveryReservation() {
        TestVendor luigi = vendors.approvedPizzeria();
        long version = settled(luigi);
        UUID tiramisu = id(ok(api.post(luigi.path() + "/menu", Menus.tiramisu(3, 0), luigi.ownerToken())));
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).isTrue();
        String inventory = luigi.path() + "/menu/" + tiramisu + "/inventory";

        ok(api.post(inventory, Map.of("operation", "SET", "quantity", 0), luigi.ownerToken()));
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).as("set to 0").isFalse();

        ok(api.post(inventory, Map.of("operation", "RESTOCK", "quantity", 5), luigi.ownerToken()));
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).as("restocked").isTrue();

        UUID customerId = UUID.randomUUID();
        UUID someLeft = UUID.randomUUID();
        assertThat(reservations.onOrderCreated(Orders.created(someLeft, customerId, luigi.id(),
                Orders.line(tiramisu, "Tiramisu", 2, 550)))).isEqualTo(OrderStockState.RESERVED);
        assertThat(catalogVersion(luigi.id())).as("3 of 5 left: nothing to tell").isEqualTo(version);
        assertThat(snapshotsWritten(luigi.id())).isEqualTo(version);

        UUID theLastThree = UUID.randomUUID();
        List<Orders.Line> lines = List.of(Orders.line(tiramisu, "Tiramisu", 3, 550));
        assertThat(reservations.onOrderCreated(Orders.created(theLastThree, customerId, luigi.id(),
                lines.toArray(Orders.Line[]::new)))).isEqualTo(OrderStockState.RESERVED);
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).as("sold out by an order")
                .isFalse();

        assertThat(reservations.onOrderCancelled(Orders.cancelled(theLastThree, customerId, luigi.id(),
                lines.toArray(Orders.Line[]::new)))).isEqualTo(OrderStockState.RELEASED);
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).as("back with the cancellation")
                .isTrue();

        // the owner's own edits always publish, rare as they are
        ok(api.post(inventory, Map.of("operation", "RESTOCK", "quantity", 2), luigi.ownerToken()));
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).isTrue();
        assertThat(snapshotsWritten(luigi.id())).isEqualTo(version);
    }

    @Test
    void severalChangesInOneTransactionAreOneSnapshotShowingThemAll() {
        TestVendor luigi = vendors.approvedPizzeria();
        long version = settled(luigi);
        CurrentUser owner = new CurrentUser(luigi.ownerId(), Set.of(Role.VENDOR), "luigi@example.com");
        VendorDetails renamed = new VendorDetails("Luigi's Osteria", VendorCategory.FOOD, List.of("italian"),
                "Since 1987", "Torstraße 49", "Berlin", "10119", Vendors.MITTE_LAT, Vendors.MITTE_LNG,
                "+4930123456", List.of(), 2, 30, "EUR", "Europe/Berlin");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            catalog.update(luigi.id(), owner, renamed);
            catalog.replaceHours(luigi.id(), owner, null,
                    List.of(new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))), List.of());
            zones.create(luigi.id(), owner, "Mitte", ZonePolygon.of(List.of(List.of(List.of(13.38, 52.51),
                    List.of(13.43, 52.51), List.of(13.43, 52.55), List.of(13.38, 52.55), List.of(13.38, 52.51)))),
                    1500, 299);
        });

        VendorCatalogUpdated all = snapshot(luigi.id(), ++version);
        assertThat(all.name()).isEqualTo("Luigi's Osteria");
        assertThat(all.prepMinutes()).isEqualTo(30);
        assertThat(all.weeklyOpen()).containsExactly(new VendorCatalogUpdated.OpenRange(720, 840));
        assertThat(all.zones()).singleElement().satisfies(zone -> assertThat(zone.deliveryFeeMinor()).isEqualTo(299));
        assertThat(catalogVersion(luigi.id())).isEqualTo(version);
        assertThat(snapshotsWritten(luigi.id())).as("three changes, one snapshot").isEqualTo(version);

        // one request, two changes: the item and its stock count
        ok(api.post(luigi.path() + "/menu", Menus.tiramisu(0, 0), luigi.ownerToken()));
        assertThat(snapshot(luigi.id(), ++version).items().getFirst().inStock()).isFalse();
        assertThat(snapshotsWritten(luigi.id())).isEqualTo(version);
    }

    @Test
    void theBackfillPublishesVendorsThatNeverWerePublishedAndLeavesThoseInUseToTheirChange() throws Exception {
        TestVendor luigi = vendors.approvedPizzeria();
        settled(luigi);
        // as if it came from before catalog snapshots
        jdbc.update("UPDATE vendors SET catalog_version = 0 WHERE id = ?", luigi.id());

        try (Connection change = dataSource.getConnection()) {
            change.setAutoCommit(false);
            long seen;
            try (PreparedStatement lock = change.prepareStatement(
                    "SELECT catalog_version FROM vendors WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, luigi.id());
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    seen = row.getLong(1);
                }
            }
            // (0 unless the start-up pass of this context took it in the moment before the lock)
            if (seen == 0) {
                backfillPass();
                assertThat(catalogVersion(luigi.id())).as("held by a running change: skipped, not waited for")
                        .isZero();
            }
            change.rollback();
        }

        backfillPass();
        assertThat(catalogVersion(luigi.id())).isEqualTo(1);
        VendorCatalogUpdated first = snapshot(luigi.id(), 1);
        assertThat(first.acceptingOrders()).isTrue();
        assertThat(first.name()).isEqualTo("Luigi's Pizzeria");
        assertThat(first.weeklyOpen()).hasSize(7);

        backfillPass();
        assertThat(catalogVersion(luigi.id())).as("published once").isEqualTo(1);
    }

    /** What the start-up task does: batches in id order until none is left. */
    private void backfillPass() {
        UUID after = null;
        CatalogBackfill.Batch batch;
        do {
            batch = backfill.publishBatch(after, 20);
            after = batch.lastId();
        } while (!batch.done());
    }
}
