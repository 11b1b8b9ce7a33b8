package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.vendor.Vendors.TestVendor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MenuAndQuoteIT extends VendorIT {

    private static final double TORSTRASSE_LAT = 52.5291;
    private static final double TORSTRASSE_LNG = 13.4013;

    /** Luigi's, approved, open around the clock, delivering to Mitte, with a margherita and three tiramisu. */
    private record Luigis(TestVendor vendor, String margherita, String large, String burrata, String tiramisu,
            String zone) {
    }

    private Luigis luigis() {
        TestVendor luigi = vendors.approvedPizzeria();
        String zone = ok(api.post(luigi.path() + "/zones", Zones.mitte(), luigi.ownerToken())).text("id");
        Response pizza = ok(api.post(luigi.path() + "/menu", Menus.margherita(), luigi.ownerToken()));
        Response tiramisu = ok(api.post(luigi.path() + "/menu", Menus.tiramisu(3, 1), luigi.ownerToken()));
        JsonNode options = pizza.json().path("options");
        return new Luigis(luigi, pizza.text("id"), options.get(0).path("id").asString(),
                options.get(1).path("id").asString(), tiramisu.text("id"), zone);
    }

    private Response quote(TestVendor vendor, List<Map<String, Object>> lines, double lat, double lng) {
        return api.post(vendor.path() + "/quote", Map.of("items", lines, "deliveryLat", lat, "deliveryLng", lng),
                customer());
    }

    private static Map<String, Object> line(String itemId, int quantity, String... optionIds) {
        return Map.of("menuItemId", itemId, "quantity", quantity, "optionIds", List.of(optionIds));
    }

    @Test
    void theMenuListsItemsBySectionWithOptionsAndStock() {
        Luigis luigis = luigis();

        Response menu = api.get(luigis.vendor().path() + "/menu", customer());

        assertThat(menu.status()).isEqualTo(200);
        assertThat(menu.text("currency")).isEqualTo("EUR");
        JsonNode sections = menu.json().path("sections");
        assertThat(sections.valueStream().map(s -> s.path("name").asString())).containsExactly("Dessert", "Pizza");
        JsonNode pizza = sections.get(1).path("items").get(0);
        assertThat(pizza.path("priceMinor").asLong()).isEqualTo(950);
        assertThat(pizza.path("options").valueStream().map(o -> o.path("name").asString()))
                .containsExactly("Large", "Burrata");
        assertThat(pizza.path("stockAvailable").isNull()).as("made to order").isTrue();
        assertThat(sections.get(0).path("items").get(0).path("stockAvailable").asInt()).isEqualTo(3);
    }

    @Test
    void theQuotePricesItemsWithTheirOptionsAndTheZoneFee() {
        Luigis luigis = luigis();

        Response quote = quote(luigis.vendor(), List.of(line(luigis.margherita(), 2, luigis.large()),
                line(luigis.tiramisu(), 1)), TORSTRASSE_LAT, TORSTRASSE_LNG);

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        JsonNode q = quote.json();
        assertThat(q.path("problems").isEmpty()).as(q.path("problems").toString()).isTrue();
        assertThat(q.path("vendorId").asString()).isEqualTo(luigis.vendor().id().toString());
        assertThat(q.path("vendorName").asString()).isEqualTo("Luigi's Pizzeria");
        assertThat(q.path("vendorCity").asString()).as("the city, for order analytics by city").isEqualTo("Berlin");
        assertThat(q.path("ownerUserId").asString()).isEqualTo(luigis.vendor().ownerId().toString());
        assertThat(q.path("category").asString()).isEqualTo("FOOD");
        assertThat(q.path("currency").asString()).isEqualTo("EUR");
        assertThat(q.path("open").asBoolean()).isTrue();
        assertThat(q.path("deliverable").asBoolean()).isTrue();
        assertThat(q.path("zoneId").asString()).isEqualTo(luigis.zone());
        assertThat(q.path("minimumOrderMinor").asLong()).isEqualTo(1500);
        assertThat(q.path("deliveryFeeMinor").asLong()).isEqualTo(299);
        assertThat(q.path("subtotalMinor").asLong()).isEqualTo(2 * (950 + 200) + 550);
        assertThat(q.path("estimatedPrepMinutes").asInt()).isEqualTo(20);
        assertThat(q.path("vendorLocation").path("lat").asDouble()).isEqualTo(Vendors.MITTE_LAT);
        assertThat(q.path("vendorLocation").path("lng").asDouble()).isEqualTo(Vendors.MITTE_LNG);
        JsonNode pizza = q.path("items").get(0);
        assertThat(pizza.path("menuItemId").asString()).isEqualTo(luigis.margherita());
        assertThat(pizza.path("name").asString()).isEqualTo("Pizza Margherita");
        assertThat(pizza.path("quantity").asInt()).isEqualTo(2);
        assertThat(pizza.path("unitPriceMinor").asLong()).isEqualTo(1150);
        assertThat(pizza.path("lineTotalMinor").asLong()).isEqualTo(2300);
        assertThat(pizza.path("available").asBoolean()).isTrue();
        assertThat(pizza.path("prescriptionRequired").asBoolean()).isFalse();
        assertThat(pizza.path("options").get(0).path("optionId").asString()).isEqualTo(luigis.large());
        assertThat(pizza.path("options").get(0).path("name").asString()).isEqualTo("Large");
        assertThat(pizza.path("options").get(0).path("priceDeltaMinor").asLong()).isEqualTo(200);
    }

    @Test
    void theQuoteNeverReservesStock() {
        Luigis luigis = luigis();

        ok(quote(luigis.vendor(), List.of(line(luigis.tiramisu(), 3)), TORSTRASSE_LAT, TORSTRASSE_LNG));

        Response stock = api.get(luigis.vendor().path() + "/menu/" + luigis.tiramisu() + "/inventory",
                luigis.vendor().ownerToken());
        assertThat(stock.json().path("available").asInt()).isEqualTo(3);
        assertThat(stock.json().path("reserved").asInt()).isZero();
    }

    @Test
    void theQuoteListsEveryReasonTheOrderCannotBePlaced() {
        Luigis luigis = luigis();
        String unknownItem = UUID.randomUUID().toString();
        String unknownOption = UUID.randomUUID().toString();
        ok(api.post(luigis.vendor().path() + "/menu/" + luigis.tiramisu() + "/inventory",
                Map.of("operation", "SET", "quantity", 0), luigis.vendor().ownerToken()));

        Response belowMinimum = quote(luigis.vendor(), List.of(line(luigis.margherita(), 1)), TORSTRASSE_LAT,
                TORSTRASSE_LNG);
        Response outside = quote(luigis.vendor(), List.of(line(luigis.margherita(), 2)), 52.3906, 13.0645);
        Response wrongIds = quote(luigis.vendor(), List.of(line(unknownItem, 1), line(luigis.margherita(), 2,
                unknownOption)), TORSTRASSE_LAT, TORSTRASSE_LNG);
        Response soldOut = quote(luigis.vendor(), List.of(line(luigis.margherita(), 2), line(luigis.tiramisu(), 1)),
                TORSTRASSE_LAT, TORSTRASSE_LNG);

        assertThat(problems(belowMinimum)).singleElement().asString().contains("below the zone's minimum");
        assertThat(outside.json().path("deliverable").asBoolean()).isFalse();
        assertThat(outside.json().path("zoneId").isNull()).isTrue();
        assertThat(outside.json().path("deliveryFeeMinor").asLong()).isZero();
        assertThat(problems(outside)).singleElement().asString().contains("outside the vendor's delivery zones");
        assertThat(problems(wrongIds)).containsExactly("Unknown menu item " + unknownItem,
                "Unknown option " + unknownOption + " for Pizza Margherita");
        assertThat(wrongIds.json().path("subtotalMinor").asLong()).as("known lines still priced").isEqualTo(1900);
        assertThat(problems(soldOut)).singleElement().asString().isEqualTo("Tiramisu is out of stock");
        assertThat(soldOut.json().path("items").get(1).path("available").asBoolean()).isFalse();
    }

    @Test
    void aClosedUnapprovedVendorIsQuotedWithThoseProblems() {
        TestVendor pending = vendors.pendingPizzeria();
        String item = ok(api.post(pending.path() + "/menu", Menus.margherita(), pending.ownerToken())).text("id");
        ok(api.put(pending.path() + "/hours", Map.of("weekly", List.of()), pending.ownerToken()));

        Response quote = quote(pending, List.of(line(item, 1)), TORSTRASSE_LAT, TORSTRASSE_LNG);

        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().path("open").asBoolean()).isFalse();
        assertThat(problems(quote)).contains("The vendor is not approved to take orders (PENDING_APPROVAL)",
                "The vendor is closed now");
    }

    @Test
    void anUnavailableItemCannotBeOrdered() {
        Luigis luigis = luigis();
        Map<String, Object> off = new HashMap<>(Menus.margherita());
        off.put("available", false);
        ok(api.put(luigis.vendor().path() + "/menu/" + luigis.margherita(), off, luigis.vendor().ownerToken()));

        Response quote = quote(luigis.vendor(), List.of(line(luigis.margherita(), 2)), TORSTRASSE_LAT, TORSTRASSE_LNG);

        assertThat(problems(quote)).containsExactly("Pizza Margherita is unavailable");
        assertThat(quote.json().path("items").get(0).path("available").asBoolean()).isFalse();
    }

    @Test
    void quotesForUnknownVendorsOrWithInvalidBodiesAreRefused() {
        Luigis luigis = luigis();
        String path = luigis.vendor().path() + "/quote";

        assertThat(api.post("/api/v1/vendors/" + UUID.randomUUID() + "/quote", Map.of("items",
                List.of(line(luigis.margherita(), 1)), "deliveryLat", 52.5, "deliveryLng", 13.4), customer()).status())
                .isEqualTo(404);
        assertThat(api.post(path, Map.of("items", List.of(), "deliveryLat", 52.5, "deliveryLng", 13.4), customer())
                .status()).isEqualTo(400);
        assertThat(api.post(path, Map.of("items", List.of(line(luigis.margherita(), 0)), "deliveryLat", 52.5,
                "deliveryLng", 13.4), customer()).status()).isEqualTo(400);
        assertThat(api.post(path, Map.of("items", List.of(line(luigis.margherita(), 1)), "deliveryLng", 13.4),
                customer()).status()).isEqualTo(400);
        assertThat(api.post(path, Map.of("items", List.of(line(luigis.margherita(), 1)), "deliveryLat", 52.5,
                "deliveryLng", 13.4), null).status()).isEqualTo(401);
    }

    @Test
    void aNewPriceIsServedAtOnceDespiteTheCachedMenu() {
        Luigis luigis = luigis();
        String customer = customer();
        assertThat(pizzaPrice(api.get(luigis.vendor().path() + "/menu", customer))).isEqualTo(950);

        Map<String, Object> dearer = new HashMap<>(Menus.margherita());
        dearer.put("priceMinor", 1090);
        ok(api.put(luigis.vendor().path() + "/menu/" + luigis.margherita(), dearer, luigis.vendor().ownerToken()));

        assertThat(pizzaPrice(api.get(luigis.vendor().path() + "/menu", customer))).isEqualTo(1090);
        assertThat(quote(luigis.vendor(), List.of(line(luigis.margherita(), 2)), TORSTRASSE_LAT, TORSTRASSE_LNG)
                .json().path("subtotalMinor").asLong()).isEqualTo(2180);
    }

    @Test
    void optionsSentWithTheirIdKeepItSoCartsStayValid() {
        Luigis luigis = luigis();
        Map<String, Object> changed = new HashMap<>(Menus.margherita());
        changed.put("options", List.of(Map.of("id", luigis.large(), "group", "Size", "name", "Large", "priceDeltaMinor", 250)));

        Response updated = ok(api.put(luigis.vendor().path() + "/menu/" + luigis.margherita(), changed,
                luigis.vendor().ownerToken()));

        assertThat(updated.json().path("options").size()).isEqualTo(1);
        assertThat(updated.json().path("options").get(0).path("id").asString()).isEqualTo(luigis.large());
        Response quote = quote(luigis.vendor(), List.of(line(luigis.margherita(), 2, luigis.large(), luigis.burrata())),
                TORSTRASSE_LAT, TORSTRASSE_LNG);
        assertThat(quote.json().path("items").get(0).path("unitPriceMinor").asLong()).isEqualTo(1200);
        assertThat(problems(quote)).containsExactly("Unknown option " + luigis.burrata() + " for Pizza Margherita");
    }

    @Test
    void menusAreChangedByTheOwnerOnlyAndRejectNegativePrices() {
        Luigis luigis = luigis();
        String item = luigis.vendor().path() + "/menu/" + luigis.margherita();
        Map<String, Object> negative = new HashMap<>(Menus.margherita());
        negative.put("priceMinor", -1);

        assertThat(api.post(luigis.vendor().path() + "/menu", Menus.margherita(), vendorUser()).status()).isEqualTo(403);
        assertThat(api.put(item, Menus.margherita(), customer()).status()).isEqualTo(403);
        assertThat(api.delete(item, vendorUser()).status()).isEqualTo(403);
        assertThat(api.post(luigis.vendor().path() + "/menu/" + luigis.tiramisu() + "/inventory",
                Map.of("quantity", 10), customer()).status()).isEqualTo(403);
        assertThat(api.put(item, negative, luigis.vendor().ownerToken()).status()).isEqualTo(400);
        assertThat(api.post(luigis.vendor().path() + "/menu/" + luigis.tiramisu() + "/inventory",
                Map.of("quantity", -3), luigis.vendor().ownerToken()).status()).isEqualTo(400);
        assertThat(api.get(luigis.vendor().path() + "/menu/" + UUID.randomUUID(), customer()).status()).isEqualTo(404);

        assertThat(api.delete(item, luigis.vendor().ownerToken()).status()).isEqualTo(204);
        assertThat(api.get(item, customer()).status()).isEqualTo(404);
    }

    @Test
    void restockingAddsToTheCount() {
        Luigis luigis = luigis();
        String inventory = luigis.vendor().path() + "/menu/" + luigis.tiramisu() + "/inventory";

        Response restocked = api.post(inventory, Map.of("operation", "RESTOCK", "quantity", 7), luigis.vendor().ownerToken());

        assertThat(restocked.status()).isEqualTo(200);
        assertThat(restocked.json().path("available").asInt()).isEqualTo(10);
        assertThat(restocked.json().path("lowStockThreshold").asInt()).isEqualTo(1);
    }

    private static List<String> problems(Response quote) {
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        List<String> problems = new ArrayList<>();
        quote.json().path("problems").forEach(p -> problems.add(p.asString()));
        return problems;
    }

    private static long pizzaPrice(Response menu) {
        return menu.json().path("sections").valueStream().filter(s -> s.path("name").asString().equals("Pizza"))
                .findFirst().orElseThrow().path("items").get(0).path("priceMinor").asLong();
    }
}
