package com.delivery.vendor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.events.GeoPoint;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.vendor.domain.OpeningWindow;
import com.delivery.vendor.domain.SpecialClosure;
import com.delivery.vendor.domain.StockLevel;
import com.delivery.vendor.domain.VendorStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogSnapshotsTest {

    private static final UUID VENDOR = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID MARGHERITA = UUID.randomUUID();
    private static final UUID TIRAMISU = UUID.randomUUID();
    private static final UUID CANNOLI = UUID.randomUUID();
    private static final UUID LARGE = UUID.randomUUID();
    private static final UUID ZONE = UUID.randomUUID();
    private static final String SQUARE = "POLYGON((13.38 52.51,13.42 52.51,13.42 52.55,13.38 52.55,13.38 52.51))";

    private static CatalogSource.Catalog luigis(VendorStatus status, List<OpeningWindow> hours,
            List<SpecialClosure> closures) {
        return new CatalogSource.Catalog(VENDOR, "Luigi's Pizzeria", "Berlin", OWNER, "FOOD", "EUR", status, 15,
                52.5303, 13.4035, "Europe/Berlin", hours, closures,
                List.of(new CatalogSource.Zone(ZONE, SQUARE, 299, 1500)),
                List.of(new CatalogSource.Item(MARGHERITA, "Pizza Margherita", 950, true, false, 20,
                                List.of(new CatalogSource.Option(LARGE, "Large", 200))),
                        new CatalogSource.Item(TIRAMISU, "Tiramisu", 550, true, false, null, List.of()),
                        new CatalogSource.Item(CANNOLI, "Cannoli", 450, false, false, null, List.of())));
    }

    private static CatalogSource.Catalog luigis(VendorStatus status) {
        return luigis(status, List.of(), List.of());
    }

    private static StockLevel stock(UUID item, int available) {
        return new StockLevel(item, VENDOR, available, 2, 3, 1);
    }

    @Test
    void carriesTheVendorZonesAndMenuAsRead() {
        VendorCatalogUpdated snapshot = CatalogSnapshots.of(4, luigis(VendorStatus.APPROVED), Map.of());

        assertThat(snapshot.vendorId()).isEqualTo(VENDOR);
        assertThat(snapshot.version()).isEqualTo(4);
        assertThat(snapshot.aggregateId()).isEqualTo(VENDOR.toString());
        assertThat(snapshot.name()).isEqualTo("Luigi's Pizzeria");
        assertThat(snapshot.city()).isEqualTo("Berlin");
        assertThat(snapshot.ownerUserId()).isEqualTo(OWNER);
        assertThat(snapshot.category()).isEqualTo("FOOD");
        assertThat(snapshot.currency()).isEqualTo("EUR");
        assertThat(snapshot.prepMinutes()).isEqualTo(15);
        assertThat(snapshot.location()).isEqualTo(new GeoPoint(52.5303, 13.4035));
        assertThat(snapshot.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(snapshot.zones()).containsExactly(new VendorCatalogUpdated.Zone(ZONE, SQUARE, 299, 1500));
        assertThat(snapshot.items()).containsExactly(
                new VendorCatalogUpdated.Item(MARGHERITA, "Pizza Margherita", 950, true, true, false, 20,
                        List.of(new VendorCatalogUpdated.Option(LARGE, "Large", 200))),
                new VendorCatalogUpdated.Item(TIRAMISU, "Tiramisu", 550, true, true, false, null, List.of()),
                new VendorCatalogUpdated.Item(CANNOLI, "Cannoli", 450, false, true, false, null, List.of()));
    }

    @Test
    void onlyAnApprovedVendorAcceptsOrders() {
        for (VendorStatus status : VendorStatus.values()) {
            assertThat(CatalogSnapshots.of(1, luigis(status), Map.of()).acceptingOrders()).as(status.name())
                    .isEqualTo(status == VendorStatus.APPROVED);
        }
    }

    @Test
    void anItemIsOutOfStockOnlyWhenItsCountIsZero() {
        VendorCatalogUpdated snapshot = CatalogSnapshots.of(1, luigis(VendorStatus.APPROVED),
                Map.of(MARGHERITA, stock(MARGHERITA, 0), TIRAMISU, stock(TIRAMISU, 1)));

        assertThat(snapshot.items()).extracting(VendorCatalogUpdated.Item::inStock)
                .as("counted 0, counted 1, not counted").containsExactly(false, true, true);
        assertThat(snapshot.items().getFirst().available()).as("the owner's switch stays as it is").isTrue();
    }

    @Test
    void hoursAreWeekMinutesInTheVendorsZoneAndClosuresWholeLocalDays() {
        List<OpeningWindow> hours = List.of(
                new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(22, 0)),
                new OpeningWindow(DayOfWeek.SUNDAY, LocalTime.of(18, 0), LocalTime.of(2, 0)));
        // 2026-03-29 is the night Berlin moves to summer time: that day has 23 hours
        List<SpecialClosure> closures = List.of(new SpecialClosure(LocalDate.of(2026, 3, 29),
                LocalDate.of(2026, 3, 30), "Renovation"));

        VendorCatalogUpdated snapshot = CatalogSnapshots.of(1, luigis(VendorStatus.APPROVED, hours, closures),
                Map.of());

        assertThat(snapshot.weeklyOpen()).as("Sunday night runs into Monday, split at the end of the week")
                .containsExactly(new VendorCatalogUpdated.OpenRange(0, 120),
                        new VendorCatalogUpdated.OpenRange(660, 1320),
                        new VendorCatalogUpdated.OpenRange(6 * 1440 + 1080, 7 * 1440));
        assertThat(snapshot.closures()).containsExactly(new VendorCatalogUpdated.Closure(
                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-30T22:00:00Z")));
    }

    @Test
    void aVendorWithoutHoursZonesOrMenuIsStillASnapshot() {
        CatalogSource.Catalog empty = new CatalogSource.Catalog(VENDOR, "New Shop", "Berlin", OWNER, "GROCERY",
                "EUR", VendorStatus.PENDING_APPROVAL, 0, 52.5, 13.4, "Europe/Berlin", List.of(), List.of(),
                List.of(), List.of());

        VendorCatalogUpdated snapshot = CatalogSnapshots.of(1, empty, Map.of());

        assertThat(snapshot.weeklyOpen()).isEmpty();
        assertThat(snapshot.closures()).isEmpty();
        assertThat(snapshot.zones()).isEmpty();
        assertThat(snapshot.items()).isEmpty();
        assertThat(snapshot.acceptingOrders()).isFalse();
    }

    @Test
    void versionZeroIsNeverPublished() {
        assertThatThrownBy(() -> CatalogSnapshots.of(0, luigis(VendorStatus.APPROVED), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
