package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.vendor.Vendors.TestVendor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchIT extends VendorIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Response search(String query) {
        Response response = api.get("/api/v1/vendors/search?" + query, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> names(Response response) {
        return response.json().path("items").valueStream().map(h -> h.path("name").asString()).toList();
    }

    @Test
    void theBeginningOfAWordFindsTheVendorWithoutAToken() {
        String marker = Vendors.marker();
        vendors.approved(Vendors.pizzeria("Trattoria " + marker));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(names(search("q=" + marker.substring(0, 7)))).containsExactly("Trattoria " + marker));
        JsonNode hit = search("q=" + marker).json().path("items").get(0);
        assertThat(hit.path("category").asString()).isEqualTo("FOOD");
        assertThat(hit.path("openNow").asBoolean()).isTrue();
        assertThat(hit.path("distanceKm").isNull()).as("no location given").isTrue();
    }

    @Test
    void autocompleteCompletesVendorAndMenuItemNamesDespiteATypo() {
        String marker = Vendors.marker();
        TestVendor vendor = vendors.approved(Vendors.pizzeria(marker + " Trattoria"));
        ok(api.post(vendor.path() + "/menu", Menus.item(marker + "ella Lasagne", 1290), vendor.ownerToken()));

        await().atMost(WAIT).untilAsserted(() -> {
            Response completions = api.get("/api/v1/vendors/autocomplete?prefix=" + marker.substring(0, 6), null);
            assertThat(completions.status()).isEqualTo(200);
            assertThat(completions.json().path("suggestions").valueStream()
                    .map(s -> s.path("kind").asString() + ":" + s.path("text").asString()))
                    .contains("VENDOR:" + marker + " Trattoria", "MENU_ITEM:" + marker + "ella Lasagne");
        });
        String typo = marker.substring(0, 4) + (marker.charAt(4) == 'x' ? 'y' : 'x') + marker.substring(5);
        Response misspelt = api.get("/api/v1/vendors/autocomplete?prefix=" + typo, null);
        assertThat(misspelt.json().path("suggestions").valueStream().map(s -> s.path("text").asString()))
                .contains(marker + " Trattoria");
        assertThat(misspelt.json().path("suggestions").get(0).path("vendorId").asString())
                .isEqualTo(vendor.id().toString());
    }

    @Test
    void aCategoryFilterKeepsOnlyThatCategory() {
        String marker = Vendors.marker();
        vendors.approved(Vendors.pizzeria("Pizza " + marker));
        vendors.approvedPharmacy("Apotheke " + marker);

        await().atMost(WAIT).untilAsserted(() -> assertThat(names(search("q=" + marker))).hasSize(2));

        assertThat(names(search("q=" + marker + "&category=PHARMACY"))).containsExactly("Apotheke " + marker);
        assertThat(names(search("q=" + marker + "&category=food"))).containsExactly("Pizza " + marker);
        assertThat(names(search("q=" + marker + "&cuisine=pizza"))).containsExactly("Pizza " + marker);
    }

    @Test
    void theNearestVendorsComeFirstEachWithItsDistance() {
        String marker = Vendors.marker();
        // from Alexanderplatz (52.5219, 13.4132): Mitte ~1.3 km, Kreuzberg ~3 km, Spandau ~15 km
        vendors.approved(Vendors.profile("Kreuzberg " + marker, "FOOD", 52.4986, 13.4030));
        vendors.approved(Vendors.profile("Spandau " + marker, "FOOD", 52.5355, 13.1990));
        vendors.approved(Vendors.profile("Mitte " + marker, "FOOD", 52.5303, 13.4035));
        await().atMost(WAIT).untilAsserted(() -> assertThat(names(search("q=" + marker))).hasSize(3));

        Response near = search("q=" + marker + "&lat=52.5219&lng=13.4132");

        assertThat(names(near)).containsExactly("Mitte " + marker, "Kreuzberg " + marker, "Spandau " + marker);
        List<Double> distances = near.json().path("items").valueStream().map(h -> h.path("distanceKm").asDouble())
                .toList();
        assertThat(distances).isSorted();
        assertThat(distances.get(0)).isBetween(0.5, 2.0);
        assertThat(distances.get(2)).isBetween(12.0, 18.0);
        assertThat(names(search("q=" + marker + "&lat=52.5219&lng=13.4132&radiusKm=5")))
                .containsExactly("Mitte " + marker, "Kreuzberg " + marker);
        assertThat(names(search("q=" + marker + "&lat=52.5219&lng=13.4132&sort=RATING&size=1&page=2")))
                .hasSize(1);
    }

    @Test
    void onlyVendorsOpenNowRemainWhenAsked() {
        String marker = Vendors.marker();
        vendors.approved(Vendors.pizzeria("Always " + marker));
        TestVendor closed = vendors.approved(Vendors.pizzeria("Never " + marker));
        ok(api.put(closed.path() + "/hours", Map.of("weekly", List.of()), closed.ownerToken()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(search("q=" + marker).json().path("items").valueStream()
                .filter(h -> h.path("openNow").asBoolean()).map(h -> h.path("name").asString()))
                .containsExactly("Always " + marker));

        assertThat(names(search("q=" + marker + "&openNow=true"))).containsExactly("Always " + marker);
        assertThat(names(search("q=" + marker + "&openNow=false"))).hasSize(2);
    }

    @Test
    void aSuspendedVendorLeavesTheIndexAndComesBackWhenReinstated() {
        String marker = Vendors.marker();
        TestVendor vendor = vendors.approved(Vendors.pizzeria("Suspicious " + marker));
        await().atMost(WAIT).untilAsserted(() -> assertThat(names(search("q=" + marker))).hasSize(1));

        ok(api.post("/api/v1/admin/vendors/" + vendor.id() + "/suspend", Map.of("reason", "Complaints"), admin));

        await().atMost(WAIT).untilAsserted(() -> assertThat(names(search("q=" + marker))).isEmpty());
        ok(api.post("/api/v1/admin/vendors/" + vendor.id() + "/reinstate", null, admin));
        await().atMost(WAIT).untilAsserted(() -> assertThat(names(search("q=" + marker))).hasSize(1));
    }

    @Test
    void pendingVendorsAreNeverSearchable() {
        String marker = Vendors.marker();
        vendors.create(Vendors.pizzeria("Pending " + marker));
        vendors.approved(Vendors.pizzeria("Approved " + marker));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(names(search("q=" + marker))).containsExactly("Approved " + marker));
    }

    @Test
    void menuItemsAreFoundAcrossVendorsNearestFirst() {
        String marker = Vendors.marker();
        TestVendor far = vendors.approved(Vendors.profile("Far " + marker, "FOOD", 52.5355, 13.1990));
        TestVendor near = vendors.approved(Vendors.profile("Near " + marker, "FOOD", 52.5303, 13.4035));
        ok(api.post(far.path() + "/menu", Menus.item(marker + " Calzone", 1100), far.ownerToken()));
        ok(api.post(near.path() + "/menu", Menus.item(marker + " Calzone", 1200), near.ownerToken()));

        await().atMost(WAIT).untilAsserted(() -> {
            Response items = api.get("/api/v1/menu-items/search?q=" + marker + "&lat=52.5219&lng=13.4132", null);
            assertThat(items.status()).isEqualTo(200);
            assertThat(items.json().path("items").valueStream().map(i -> i.path("vendorName").asString()))
                    .containsExactly("Near " + marker, "Far " + marker);
            assertThat(items.json().path("items").get(0).path("priceMinor").asLong()).isEqualTo(1200);
        });
    }

    @Test
    void searchParametersAreChecked() {
        assertThat(api.get("/api/v1/vendors/search?lat=52.5", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/vendors/search?radiusKm=3", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/vendors/search?lat=95&lng=13", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/vendors/search?sort=DISTANCE", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/vendors/autocomplete?prefix=", null).status()).isEqualTo(400);
    }
}
