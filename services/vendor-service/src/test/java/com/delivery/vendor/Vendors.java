package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Named test vendors, created through the real API by a fresh VENDOR user. Luigi's Pizzeria sits in Berlin Mitte
 * (52.5303, 13.4035), open around the clock unless a test gives it hours.
 */
public final class Vendors {

    /** A vendor as created by a test: its id, its owner and the owner's token. */
    public record TestVendor(UUID id, UUID ownerId, String ownerToken, String name) {

        public String path() {
            return "/api/v1/vendors/" + id;
        }
    }

    public static final double MITTE_LAT = 52.5303;
    public static final double MITTE_LNG = 13.4035;

    private final ApiClient api;
    private final String admin;

    Vendors(ApiClient api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    public TestVendor approvedPizzeria() {
        return approved(pizzeria("Luigi's Pizzeria"));
    }

    public TestVendor pendingPizzeria() {
        return create(pizzeria("Luigi's Pizzeria"));
    }

    public TestVendor approvedPharmacy(String name) {
        Map<String, Object> profile = pizzeria(name);
        profile.put("category", "PHARMACY");
        profile.put("cuisines", List.of());
        return approved(profile);
    }

    public TestVendor approved(Map<String, Object> profile) {
        TestVendor vendor = create(profile);
        Response approved = api.post("/api/v1/admin/vendors/" + vendor.id() + "/approve", null, admin);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return vendor;
    }

    public TestVendor create(Map<String, Object> profile) {
        UUID owner = UUID.randomUUID();
        String token = TestTokens.token(owner, "VENDOR");
        Response created = api.post("/api/v1/vendors", profile, token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));
        Response hours = api.put("/api/v1/vendors/" + id + "/hours", openAroundTheClock(), token);
        assertThat(hours.status()).as(hours.body()).isEqualTo(200);
        return new TestVendor(id, owner, token, (String) profile.get("name"));
    }

    /** A Berlin pizzeria profile (EUR, Europe/Berlin) that tests may change before creating. */
    public static Map<String, Object> pizzeria(String name) {
        return profile(name, "FOOD", MITTE_LAT, MITTE_LNG);
    }

    public static Map<String, Object> profile(String name, String category, double lat, double lng) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("category", category);
        body.put("cuisines", new ArrayList<>(List.of("italian", "pizza")));
        body.put("description", "Wood-fired pizza since 1987");
        body.put("address", "Torstraße 49");
        body.put("city", "Berlin");
        body.put("postalCode", "10119");
        body.put("lat", lat);
        body.put("lng", lng);
        body.put("phone", "+4930123456");
        body.put("imageUrls", List.of("https://img.example/luigi.jpg"));
        body.put("priceLevel", 2);
        body.put("prepMinutes", 15);
        body.put("currency", "EUR");
        body.put("timeZone", "Europe/Berlin");
        return body;
    }

    /** Every day 00:00-00:00 (the whole 24 hours). */
    public static Map<String, Object> openAroundTheClock() {
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("day", day, "opens", "00:00", "closes", "00:00"));
        }
        return Map.of("weekly", weekly);
    }

    /** A word no other test uses, letters only, so search tests see only their own vendors. */
    public static String marker() {
        StringBuilder word = new StringBuilder("qz");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }
}
