package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.vendor.Vendors.TestVendor;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 for vendor profiles and menu items: text PostgreSQL cannot store, bytes that are not UTF-8, fractions
 * in integer fields and links apps must not open are refused with a 400 naming the field; accepted names come back
 * exactly as sent.
 */
class VendorInputIT extends VendorIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // ---- vendor profiles -----------------------------------------------------------------------------------

    @Test
    void aNulInTheVendorsNameOrCuisinesIsA400NamingTheField() {
        Map<String, Object> profile = Vendors.pizzeria("Luigi\u0000s");
        assertRefused(api.post("/api/v1/vendors", profile, vendorUser()), "name", "NUL");

        Map<String, Object> cuisines = Vendors.pizzeria("Luigi's");
        cuisines.put("cuisines", List.of("pizza", "ital\u0000ian"));
        assertRefused(api.post("/api/v1/vendors", cuisines, vendorUser()), "cuisines.1", "NUL");
    }

    @Test
    void overlongUtf8AndUnpairedSurrogatesInTheNameAreRefused() {
        String json = JSON.writeValueAsString(Vendors.pizzeria("NAME"));
        for (String bad : List.of("78c0a279", "78eda08079", "78ff79")) {
            byte[] body = splice(json, "\"NAME\"", "\"", HexFormat.of().parseHex(bad), "\"");
            Response response = api.sendBytes("POST", "/api/v1/vendors", body, "application/json", vendorUser());
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("type")).isEqualTo("/problems/invalid-encoding");
        }
        Response escaped = api.sendBytes("POST", "/api/v1/vendors",
                json.replace("\"NAME\"", "\"x\\ud800y\"").getBytes(StandardCharsets.UTF_8), "application/json",
                vendorUser());
        assertRefused(escaped, "name", "surrogate");
    }

    @Test
    void acceptedNamesComeBackByteForByte() {
        String name = "Zoë's Café 😀 – 北京 \u202e ﷺ e\u0301";
        TestVendor vendor = vendors.create(Vendors.pizzeria(name));

        Response read = api.get(vendor.path(), vendor.ownerToken());
        assertThat(read.text("name")).isEqualTo(name);
        assertThat(read.body().getBytes(StandardCharsets.UTF_8))
                .containsSequence(name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void imageUrlsMustBeHttpOrHttps() {
        for (String url : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>",
                "file:///etc/passwd", "/relative.png", "//cdn.example.com/a.png")) {
            Map<String, Object> profile = Vendors.pizzeria("Luigi's");
            profile.put("imageUrls", List.of("https://img.example/ok.jpg", url));
            assertRefused(api.post("/api/v1/vendors", profile, vendorUser()), "imageUrls[1]", "http");
        }
        TestVendor vendor = vendors.create(Vendors.pizzeria("Luigi's"));
        Map<String, Object> update = Vendors.pizzeria("Luigi's");
        update.put("imageUrls", List.of("javascript:alert(1)"));
        assertRefused(api.put(vendor.path(), update, vendor.ownerToken()), "imageUrls[0]", "http");
    }

    @Test
    void integerFieldsOfTheProfileRefuseFractions() {
        Map<String, Object> profile = Vendors.pizzeria("Luigi's");
        profile.put("prepMinutes", 12.5);
        assertRefused(api.post("/api/v1/vendors", profile, vendorUser()), "prepMinutes", "whole number");
    }

    @Test
    void aNameBlankOnceTrimmedOrACurrencyIsoDoesNotKnowIsA400() {
        // not blank as sent (U+0001 is no white space), blank once trimmed (trim() drops it): the catalog snapshot
        // would refuse it when the change commits
        Response blank = api.post("/api/v1/vendors", Vendors.pizzeria("\u0001\u2003"), vendorUser());
        assertRefused(blank, "name", "blank");
        assertThat(blank.text("type")).as("refused by the domain, after trimming").isEqualTo("/problems/blank-name");

        Map<String, Object> unknownCurrency = Vendors.pizzeria("Luigi's");
        unknownCurrency.put("currency", "ABC");
        assertRefused(api.post("/api/v1/vendors", unknownCurrency, vendorUser()), "currency", "ISO 4217");
    }

    // ---- menu items ----------------------------------------------------------------------------------------

    @Test
    void itemAndOptionNamesBlankOnceTrimmedAreA400() {
        TestVendor luigi = vendors.approvedPizzeria();
        Response blank = api.post(luigi.path() + "/menu", Menus.item("\u0001\u2003", 950), luigi.ownerToken());
        assertRefused(blank, "name", "blank");
        assertThat(blank.text("type")).isEqualTo("/problems/blank-name");

        Map<String, Object> blankOption = Menus.item("Pizza Bianca", 950);
        blankOption.put("options", List.of(Map.of("group", "Size", "name", "\u0001 ", "priceDeltaMinor", 200)));
        Response blankOptionName = api.post(luigi.path() + "/menu", blankOption, luigi.ownerToken());
        assertRefused(blankOptionName, "options.name", "blank");
        assertThat(blankOptionName.text("type")).isEqualTo("/problems/blank-name");
    }

    @Test
    void aNulInAMenuItemIsA400NamingTheField() {
        TestVendor vendor = vendors.approvedPizzeria();

        assertRefused(addItem(vendor, Menus.item("Pizza\u0000", 950)), "name", "NUL");
        Map<String, Object> tags = Menus.margherita();
        tags.put("dietaryTags", List.of("vegan\u0000"));
        assertRefused(addItem(vendor, tags), "dietaryTags.0", "NUL");
        Map<String, Object> option = Menus.item("Pizza", 950);
        option.put("options", List.of(Map.of("group", "Size", "name", "L\u0000", "priceDeltaMinor", 200)));
        assertRefused(addItem(vendor, option), "options.0.name", "NUL");
    }

    @Test
    void aPriceWithAFractionIsRefusedNotRoundedDown() {
        TestVendor vendor = vendors.approvedPizzeria();

        assertRefused(addItem(vendor, with(Menus.item("Pizza", 950), "priceMinor", 12.5)), "priceMinor",
                "whole number");
        assertRefused(addItem(vendor, with(Menus.item("Pizza", 950), "priceMinor", "12")), "priceMinor",
                "whole number");
        Map<String, Object> stock = Menus.tiramisu(10, 2);
        stock.put("stock", 1.5);
        assertRefused(addItem(vendor, stock), "stock", "whole number");
        Map<String, Object> delta = Menus.item("Pizza", 950);
        delta.put("options", List.of(Map.of("group", "Size", "name", "L", "priceDeltaMinor", 0.5)));
        assertRefused(addItem(vendor, delta), "options.0.priceDeltaMinor", "whole number");

        Response whole = addItem(vendor, Menus.item("Pizza", 1250));
        assertThat(whole.status()).as(whole.body()).isEqualTo(201);
        assertThat(whole.json().path("priceMinor").asLong()).isEqualTo(1250);
    }

    @Test
    void aMenuItemsImageUrlMustBeHttpOrHttps() {
        TestVendor vendor = vendors.approvedPizzeria();
        Map<String, Object> item = Menus.item("Pizza", 950);
        item.put("imageUrl", "javascript:alert(1)");

        assertRefused(addItem(vendor, item), "imageUrl", "http");

        item.put("imageUrl", "https://img.example/pizza.jpg");
        Response ok = addItem(vendor, item);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.text("imageUrl")).isEqualTo("https://img.example/pizza.jpg");
    }

    @Test
    void menuItemNamesComeBackByteForByte() {
        TestVendor vendor = vendors.approvedPizzeria();
        String name = "Crème brûlée 🍮 \ud83d\ude00 北京";

        Response created = addItem(vendor, Menus.item(name, 650));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response read = api.get(vendor.path() + "/menu/" + created.text("id"), vendor.ownerToken());
        assertThat(read.text("name")).isEqualTo(name);
    }

    // ---- search --------------------------------------------------------------------------------------------

    /** Found by the fuzz test: a page beyond Elasticsearch's 10 000-hit window was a 503 "search unavailable". */
    @Test
    void pagesBeyondTheSearchWindowAreA400NotA503() {
        for (String path : List.of("/api/v1/vendors/search?page=215&size=67",
                "/api/v1/menu-items/search?page=500&size=100")) {
            Response response = api.get(path, customer());
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.text("type")).isEqualTo("/problems/page-too-deep");
        }
        assertThat(api.get("/api/v1/vendors/search?page=99&size=100", customer()).status()).isEqualTo(200);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Response addItem(TestVendor vendor, Map<String, Object> item) {
        return api.post(vendor.path() + "/menu", item, vendor.ownerToken());
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static byte[] splice(String json, String placeholder, String before, byte[] bytes, String after) {
        int at = json.indexOf(placeholder);
        byte[] head = (json.substring(0, at) + before).getBytes(StandardCharsets.UTF_8);
        byte[] tail = (after + json.substring(at + placeholder.length())).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return body;
    }

    static void assertRefused(Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString())).as(response.body()).contains(field);
        JsonNode error = errors.valueStream().filter(e -> e.path("field").asString().equals(field)).findFirst()
                .orElseThrow();
        assertThat(error.path("message").asString()).as(response.body()).containsIgnoringCase(messagePart);
    }
}
