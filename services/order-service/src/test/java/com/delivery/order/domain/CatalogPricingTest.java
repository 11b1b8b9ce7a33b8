package com.delivery.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.delivery.events.GeoPoint;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.events.VendorCatalogUpdated.Closure;
import com.delivery.events.VendorCatalogUpdated.Item;
import com.delivery.events.VendorCatalogUpdated.OpenRange;
import com.delivery.events.VendorCatalogUpdated.Option;
import com.delivery.events.VendorCatalogUpdated.Zone;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogPricingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int DAY = 24 * 60;
    private static final int MONDAY = 0;
    private static final int FRIDAY = 4 * DAY;
    private static final int SATURDAY = 5 * DAY;
    private static final int SUNDAY = 6 * DAY;
    private static final int WEEK_END = 7 * DAY;
    /** Monday 2 March 2026, 12:00 in Berlin (UTC+1 until the end of March). */
    private static final Instant MONDAY_NOON = berlin("2026-03-02T12:00");
    /** Berlin Mitte, and an address inside it. */
    private static final String MITTE = "POLYGON((13.30 52.45, 13.50 52.45, 13.50 52.60, 13.30 52.60, 13.30 52.45))";
    private static final double LAT = 52.5291;
    private static final double LNG = 13.4013;

    private final Catalog luigi = new Catalog();
    private final Item pizza = luigi.item("Pizza Margherita", 950, null,
            new Option(UUID.randomUUID(), "Extra cheese", 150), new Option(UUID.randomUUID(), "Small", -100));
    private final Item tiramisu = luigi.item("Tiramisu", 550, null);

    // ---- prices ----------------------------------------------------------------------------------------------

    @Test
    void aLineCostsTheItemPlusItsOptionsTimesTheQuantity() {
        UUID cheese = pizza.options().getFirst().optionId();

        CatalogQuote quote = luigi.quote(line(pizza, 2, cheese), line(tiramisu, 1));

        assertThat(quote.problems()).isEmpty();
        CatalogQuote.Line first = quote.lines().getFirst();
        assertThat(first.menuItemId()).isEqualTo(pizza.menuItemId());
        assertThat(first.name()).isEqualTo("Pizza Margherita");
        assertThat(first.quantity()).isEqualTo(2);
        assertThat(first.unitPriceMinor()).isEqualTo(1100);
        assertThat(first.lineTotalMinor()).isEqualTo(2200);
        assertThat(first.available()).isTrue();
        assertThat(first.options()).extracting(VendorCatalog.Option::name, VendorCatalog.Option::priceDeltaMinor)
                .containsExactly(tuple("Extra cheese", 150L));
        assertThat(quote.lines().get(1).lineTotalMinor()).isEqualTo(550);
        assertThat(quote.subtotalMinor()).isEqualTo(2750);
    }

    @Test
    void theQuoteCarriesTheVendorAndTheZoneCheckoutNeeds() {
        CatalogQuote quote = luigi.quote(line(pizza, 2));

        assertThat(quote.vendorId()).isEqualTo(luigi.vendorId);
        assertThat(quote.vendorName()).isEqualTo("Luigi's Pizzeria");
        assertThat(quote.vendorCity()).isEqualTo("Berlin");
        assertThat(quote.ownerUserId()).isEqualTo(luigi.ownerId);
        assertThat(quote.category()).isEqualTo("FOOD");
        assertThat(quote.currency()).isEqualTo("EUR");
        assertThat(quote.open()).isTrue();
        assertThat(quote.deliverable()).isTrue();
        assertThat(quote.zoneId()).isEqualTo(luigi.zones.getFirst().zoneId());
        assertThat(quote.deliveryFeeMinor()).isEqualTo(299);
        assertThat(quote.minimumOrderMinor()).isEqualTo(1000);
        assertThat(quote.estimatedPrepMinutes()).isEqualTo(15);
        assertThat(quote.vendorLocation()).isEqualTo(new Location(52.5303, 13.4035));
    }

    @Test
    void negativeDeltasLowerThePriceAndAnOptionAskedTwiceCountsOnce() {
        UUID small = pizza.options().get(1).optionId();

        CatalogQuote quote = luigi.quote(line(pizza, 2, small, small));

        assertThat(quote.lines().getFirst().unitPriceMinor()).isEqualTo(850);
        assertThat(quote.lines().getFirst().options()).hasSize(1);
        assertThat(quote.subtotalMinor()).isEqualTo(1700);
    }

    @Test
    void preparationTakesTheLongestOfTheVendorsAndTheItemsOwnTimes() {
        Item lasagne = luigi.item("Lasagne", 1400, 25);
        Item salad = luigi.item("Salad", 1200, 5);

        assertThat(luigi.quote(line(pizza, 1), line(lasagne, 1)).estimatedPrepMinutes()).isEqualTo(25);
        assertThat(luigi.quote(line(salad, 1)).estimatedPrepMinutes()).as("never quicker than the vendor")
                .isEqualTo(15);
        assertThat(luigi.quote(line(pizza, 2)).estimatedPrepMinutes()).as("no own time: the vendor's").isEqualTo(15);
    }

    @Test
    void aPrescriptionItemSaysSo() {
        Item antibiotic = luigi.add(new Item(UUID.randomUUID(), "Amoxicillin 500", 1290, true, true, true, null,
                List.of()));

        assertThat(luigi.quote(line(antibiotic, 1)).lines().getFirst().prescriptionRequired()).isTrue();
    }

    // ---- hours -----------------------------------------------------------------------------------------------

    @Test
    void theWeekIsReadInTheVendorsTimeZone() {
        luigi.open(new OpenRange(MONDAY + 9 * 60, MONDAY + 17 * 60));

        assertThat(luigi.openAt(Instant.parse("2026-03-02T08:30:00Z"))).as("09:30 in Berlin").isTrue();
        assertThat(luigi.openAt(Instant.parse("2026-03-02T16:30:00Z"))).as("17:30 in Berlin").isFalse();
        assertThat(luigi.openAt(berlin("2026-03-02T17:00"))).as("the end is exclusive").isFalse();
        assertThat(luigi.openAt(berlin("2026-03-02T09:00"))).as("the start is inclusive").isTrue();
    }

    @Test
    void aWindowPastMidnightRunsIntoTheNextDay() {
        // Friday 18:00 to Saturday 02:00
        luigi.open(new OpenRange(FRIDAY + 18 * 60, SATURDAY + 2 * 60));

        assertThat(luigi.openAt(berlin("2026-03-06T17:59"))).isFalse();
        assertThat(luigi.openAt(berlin("2026-03-06T23:30"))).isTrue();
        assertThat(luigi.openAt(berlin("2026-03-07T01:59"))).isTrue();
        assertThat(luigi.openAt(berlin("2026-03-07T02:00"))).isFalse();
    }

    @Test
    void aWindowPastSundayMidnightArrivesInTwoPartsAndOpensMondayMorning() {
        // Sunday 20:00 to Monday 02:00, as the vendor splits it at the end of the week
        luigi.open(new OpenRange(SUNDAY + 20 * 60, WEEK_END), new OpenRange(MONDAY, MONDAY + 2 * 60));

        assertThat(luigi.openAt(berlin("2026-03-08T19:59"))).isFalse();
        assertThat(luigi.openAt(berlin("2026-03-08T23:59"))).isTrue();
        assertThat(luigi.openAt(berlin("2026-03-09T00:00"))).isTrue();
        assertThat(luigi.openAt(berlin("2026-03-09T01:59"))).isTrue();
        assertThat(luigi.openAt(berlin("2026-03-09T02:00"))).isFalse();
    }

    @Test
    void aClosureClosesFromItsStartUntilJustBeforeItsEnd() {
        Instant from = berlin("2026-03-02T00:00");
        Instant to = berlin("2026-03-03T00:00");
        luigi.closures.add(new Closure(from, to));

        assertThat(luigi.openAt(from.minusSeconds(1))).isTrue();
        assertThat(luigi.openAt(from)).isFalse();
        assertThat(luigi.openAt(MONDAY_NOON)).isFalse();
        assertThat(luigi.openAt(to)).isTrue();
    }

    @Test
    void closedNowIsAProblem() {
        luigi.open(new OpenRange(FRIDAY, SATURDAY));

        CatalogQuote quote = luigi.quote(line(pizza, 2));

        assertThat(quote.open()).isFalse();
        assertThat(quote.problems()).containsExactly("The vendor is closed now");
        assertThat(quote.subtotalMinor()).as("still priced").isEqualTo(1900);
    }

    // ---- zones -----------------------------------------------------------------------------------------------

    @Test
    void anAddressOutsideEveryZoneIsAProblemWithNoFeeAndNoMinimum() {
        CatalogQuote quote = luigi.quote(52.40, 13.40, line(tiramisu, 1));

        assertThat(quote.deliverable()).isFalse();
        assertThat(quote.zoneId()).isNull();
        assertThat(quote.deliveryFeeMinor()).isZero();
        assertThat(quote.minimumOrderMinor()).isZero();
        assertThat(quote.problems()).containsExactly("The delivery address is outside the vendor's delivery zones");
    }

    @Test
    void anAddressOnTheBorderIsInside() {
        assertThat(luigi.quote(52.45, 13.40, line(pizza, 2)).deliverable()).isTrue();
        assertThat(luigi.quote(52.50, 13.30, line(pizza, 2)).deliverable()).isTrue();
    }

    @Test
    void aHoleInTheZoneIsOutside() {
        luigi.zones.clear();
        luigi.zones.add(new Zone(UUID.randomUUID(), "POLYGON((13.30 52.45, 13.50 52.45, 13.50 52.60, 13.30 52.60, "
                + "13.30 52.45), (13.39 52.52, 13.41 52.52, 13.41 52.54, 13.39 52.54, 13.39 52.52))", 299, 1000));

        assertThat(luigi.quote(line(pizza, 2)).deliverable()).isFalse();
        assertThat(luigi.quote(52.50, 13.35, line(pizza, 2)).deliverable()).isTrue();
    }

    @Test
    void ofSeveralZonesTheCheapestFeeThenTheLowestMinimumWins() {
        luigi.zones.clear();
        Zone dear = new Zone(UUID.randomUUID(), MITTE, 499, 0);
        Zone cheapHighMinimum = new Zone(UUID.randomUUID(), MITTE, 199, 3000);
        Zone cheapLowMinimum = new Zone(UUID.randomUUID(), MITTE, 199, 1500);
        luigi.zones.addAll(List.of(dear, cheapHighMinimum, cheapLowMinimum));

        CatalogQuote quote = luigi.quote(line(pizza, 2));

        assertThat(quote.zoneId()).isEqualTo(cheapLowMinimum.zoneId());
        assertThat(quote.deliveryFeeMinor()).isEqualTo(199);
        assertThat(quote.minimumOrderMinor()).isEqualTo(1500);
    }

    @Test
    void zonesAlikeInFeeAndMinimumGoByIdAsPostgresOrdersUuids() {
        luigi.zones.clear();
        // PostgreSQL: 1... < 8...; UUID.compareTo (signed) would say 8... < 1...
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertThat(high.compareTo(low)).isNegative();
        luigi.zones.add(new Zone(high, MITTE, 299, 1000));
        luigi.zones.add(new Zone(low, MITTE, 299, 1000));

        assertThat(luigi.quote(line(pizza, 2)).zoneId()).isEqualTo(low);
    }

    @Test
    void belowTheZonesMinimumIsAProblemAndAtItIsNot() {
        CatalogQuote below = luigi.quote(line(pizza, 1));
        CatalogQuote at = luigi.quote(line(tiramisu, 1), line(luigi.item("Water", 450, null), 1));

        assertThat(below.problems())
                .containsExactly("The subtotal 950 is below the zone's minimum order of 1000 EUR minor units");
        assertThat(at.subtotalMinor()).isEqualTo(1000);
        assertThat(at.problems()).isEmpty();
    }

    // ---- the menu --------------------------------------------------------------------------------------------

    @Test
    void anItemNotOnTheMenuIsAProblemAndHasNoLine() {
        UUID sushi = UUID.randomUUID();

        CatalogQuote quote = luigi.quote(new CatalogPricing.Line(sushi, 1, List.of()), line(pizza, 2));

        assertThat(quote.problems()).containsExactly("Unknown menu item " + sushi);
        assertThat(quote.lines()).extracting(CatalogQuote.Line::menuItemId).containsExactly(pizza.menuItemId());
    }

    @Test
    void anOptionTheItemDoesNotHaveIsAProblemAndAddsNothing() {
        UUID bacon = UUID.randomUUID();

        CatalogQuote quote = luigi.quote(line(pizza, 2, bacon));

        assertThat(quote.problems()).containsExactly("Unknown option " + bacon + " for Pizza Margherita");
        assertThat(quote.lines().getFirst().unitPriceMinor()).isEqualTo(950);
        assertThat(quote.lines().getFirst().options()).isEmpty();
    }

    @Test
    void anItemTakenOffTheMenuIsUnavailable() {
        Item soup = luigi.add(new Item(UUID.randomUUID(), "Soup", 700, false, true, false, null, List.of()));

        CatalogQuote quote = luigi.quote(line(pizza, 2), line(soup, 1));

        assertThat(quote.problems()).containsExactly("Soup is unavailable");
        assertThat(quote.lines().get(1).available()).isFalse();
    }

    @Test
    void anItemWithoutStockIsOutOfStock() {
        Item calzone = luigi.add(new Item(UUID.randomUUID(), "Calzone", 1100, true, false, false, null, List.of()));

        CatalogQuote quote = luigi.quote(line(calzone, 1));

        assertThat(quote.problems()).containsExactly("Calzone is out of stock");
        assertThat(quote.lines().getFirst().available()).isFalse();
    }

    @Test
    void anUnavailableItemIsNotAlsoReportedOutOfStock() {
        Item soup = luigi.add(new Item(UUID.randomUUID(), "Soup", 1100, false, false, false, null, List.of()));

        assertThat(luigi.quote(line(soup, 1)).problems()).containsExactly("Soup is unavailable");
    }

    // ---- the vendor ------------------------------------------------------------------------------------------

    @Test
    void aVendorNotAcceptingOrdersIsRefusedButStillPriced() {
        luigi.acceptingOrders = false;

        CatalogQuote quote = luigi.quote(line(pizza, 2));

        assertThat(quote.problems()).containsExactly("The vendor is not approved to take orders");
        assertThat(quote.subtotalMinor()).isEqualTo(1900);
        assertThat(quote.deliverable()).isTrue();
    }

    @Test
    void everyProblemIsListed() {
        luigi.acceptingOrders = false;
        luigi.open(new OpenRange(FRIDAY, SATURDAY));

        CatalogQuote quote = luigi.quote(52.40, 13.40, new CatalogPricing.Line(UUID.randomUUID(), 1, List.of()));

        assertThat(quote.problems()).hasSize(4);
    }

    // ---- snapshots checkout cannot use -----------------------------------------------------------------------

    @Test
    void aZoneThatIsNoPolygonMakesTheSnapshotUnusable() {
        luigi.zones.add(new Zone(UUID.randomUUID(), "POLYGON((13.3 52.4, 13.5", 0, 0));
        assertThatThrownBy(luigi::catalog).isInstanceOf(UnusableCatalogException.class).hasMessageContaining("WKT");

        luigi.zones.set(1, new Zone(UUID.randomUUID(), "LINESTRING(13.3 52.4, 13.5 52.5)", 0, 0));
        assertThatThrownBy(luigi::catalog).isInstanceOf(UnusableCatalogException.class)
                .hasMessageContaining("LineString");
    }

    @Test
    void anUnknownTimeZoneMakesTheSnapshotUnusable() {
        luigi.timeZone = "Europe/Atlantis";

        assertThatThrownBy(luigi::catalog).isInstanceOf(UnusableCatalogException.class)
                .hasMessageContaining("Europe/Atlantis");
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static CatalogPricing.Line line(Item item, int quantity, UUID... optionIds) {
        return new CatalogPricing.Line(item.menuItemId(), quantity, List.of(optionIds));
    }

    /** A snapshot as the vendor publishes it: open all week, one zone over Berlin Mitte, fee 2.99, minimum 10.00. */
    private static final class Catalog {

        final UUID vendorId = UUID.randomUUID();
        final UUID ownerId = UUID.randomUUID();
        boolean acceptingOrders = true;
        String timeZone = "Europe/Berlin";
        final List<OpenRange> weeklyOpen = new ArrayList<>(List.of(new OpenRange(0, WEEK_END)));
        final List<Closure> closures = new ArrayList<>();
        final List<Zone> zones = new ArrayList<>(List.of(new Zone(UUID.randomUUID(), MITTE, 299, 1000)));
        final List<Item> items = new ArrayList<>();

        Item item(String name, long priceMinor, Integer prepMinutes, Option... options) {
            return add(new Item(UUID.randomUUID(), name, priceMinor, true, true, false, prepMinutes, List.of(options)));
        }

        Item add(Item item) {
            items.add(item);
            return item;
        }

        void open(OpenRange... ranges) {
            weeklyOpen.clear();
            weeklyOpen.addAll(List.of(ranges));
        }

        VendorCatalog catalog() {
            return VendorCatalog.from(new VendorCatalogUpdated(vendorId, 7, "Luigi's Pizzeria", "Berlin", ownerId,
                    "FOOD", "EUR", acceptingOrders, 15, new GeoPoint(52.5303, 13.4035), timeZone, weeklyOpen,
                    closures, zones, items));
        }

        boolean openAt(Instant at) {
            return CatalogPricing.quote(catalog(), new CatalogPricing.Request(List.of(), LAT, LNG), at).open();
        }

        CatalogQuote quote(CatalogPricing.Line... lines) {
            return quote(LAT, LNG, lines);
        }

        CatalogQuote quote(double lat, double lng, CatalogPricing.Line... lines) {
            return CatalogPricing.quote(catalog(), new CatalogPricing.Request(List.of(lines), lat, lng), MONDAY_NOON);
        }
    }
}
