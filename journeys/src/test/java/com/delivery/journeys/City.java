package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;

import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds vendors and drivers the way their apps and the admin dashboard do: accounts, a vendor profile with hours, a
 * delivery zone, a menu with stock, approval; drivers with vehicle and documents, approval, online at a spot.
 */
final class City {

    public static final String TIME_ZONE = "Europe/Berlin";

    private final Platform platform;
    private final Actor admin;

    public City(Platform platform, Actor admin) {
        this.platform = platform;
        this.admin = admin;
    }

    /** A menu line to create; {@code stock} null = made to order. */
    public record Dish(String section, String name, long priceMinor, Integer stock, Integer lowStockThreshold) {
    }

    /** A created, approved vendor with its menu item ids by name. */
    public record Vendor(String id, String name, String category, Actor owner, double lat, double lng,
            Map<String, String> itemIds) {

        public String item(String name) {
            String id = itemIds.get(name);
            if (id == null) {
                throw new IllegalArgumentException("no item " + name + " in " + itemIds.keySet());
            }
            return id;
        }
    }

    /**
     * Registers the vendor for {@code owner}, opens it around the clock, adds a square delivery zone of
     * {@code zoneKm} around it, the menu, and has the admin approve it.
     */
    public Vendor vendor(Actor owner, String name, String category, List<String> cuisines, double lat, double lng,
            double zoneKm, long minimumOrderMinor, long deliveryFeeMinor, List<Dish> menu) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", name);
        profile.put("category", category);
        profile.put("cuisines", cuisines);
        profile.put("description", name + ", delivered");
        profile.put("address", "Hauptstrasse 1");
        profile.put("city", "Testhausen");
        profile.put("postalCode", "10115");
        profile.put("lat", lat);
        profile.put("lng", lng);
        profile.put("phone", owner.phone());
        profile.put("priceLevel", 2);
        profile.put("prepMinutes", 15);
        profile.put("currency", "EUR");
        profile.put("timeZone", TIME_ZONE);
        String id = expect(platform.vendors.post("/api/v1/vendors", profile, owner.token()), "vendor " + name, 201)
                .text("id");

        List<Map<String, Object>> weekly = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.add(Map.of("day", day.name(), "opens", "00:00", "closes", "00:00")); // equal times: 24 hours
        }
        expect(platform.vendors.put("/api/v1/vendors/" + id + "/hours", Map.of("timeZone", TIME_ZONE, "weekly", weekly),
                owner.token()), "hours of " + name, 200);

        double dLat = zoneKm / 111.0;
        double dLng = zoneKm / (111.0 * Math.cos(Math.toRadians(lat)));
        List<List<Double>> ring = List.of(List.of(lng - dLng, lat - dLat), List.of(lng + dLng, lat - dLat),
                List.of(lng + dLng, lat + dLat), List.of(lng - dLng, lat + dLat), List.of(lng - dLng, lat - dLat));
        expect(platform.vendors.post("/api/v1/vendors/" + id + "/zones", Map.of("name", "Around " + name, "area",
                Map.of("type", "Polygon", "coordinates", List.of(ring)), "minimumOrderMinor", minimumOrderMinor,
                "deliveryFeeMinor", deliveryFeeMinor), owner.token()), "zone of " + name, 201);

        Map<String, String> itemIds = new LinkedHashMap<>();
        int position = 0;
        for (Dish dish : menu) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("section", dish.section());
            item.put("position", position++);
            item.put("name", dish.name());
            item.put("description", dish.name() + " from " + name);
            item.put("priceMinor", dish.priceMinor());
            if (dish.stock() != null) {
                item.put("stock", dish.stock());
                item.put("lowStockThreshold", dish.lowStockThreshold() == null ? 0 : dish.lowStockThreshold());
            }
            itemIds.put(dish.name(), expect(platform.vendors.post("/api/v1/vendors/" + id + "/menu", item,
                    owner.token()), "menu item " + dish.name(), 201).text("id"));
        }
        expect(platform.vendors.post("/api/v1/admin/vendors/" + id + "/approve", null, admin.token()),
                "approval of " + name, 200);
        return new Vendor(id, name, category, owner, lat, lng, itemIds);
    }

    /** Registers a DRIVER account, onboards it with valid documents, has the admin approve it. */
    public Actor approvedDriver(String fullName, String emailPrefix, String domain, String password, String vehicle) {
        Actor driver = platform.register("DRIVER", fullName, emailPrefix, domain, password);
        String expires = LocalDate.now().plusYears(1).toString();
        List<Map<String, Object>> documents = List.of(
                Map.of("type", "LICENCE", "number", "L-" + driver.userId().substring(0, 8), "expiresOn", expires),
                Map.of("type", "INSURANCE", "number", "I-" + driver.userId().substring(0, 8), "expiresOn", expires),
                Map.of("type", "IDENTITY", "number", "ID-" + driver.userId().substring(0, 8), "expiresOn", expires));
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("fullName", fullName);
        registration.put("phone", driver.phone());
        registration.put("vehicle", Map.of("type", vehicle, "plate", "B DR " + driver.userId().substring(0, 4),
                "model", "City " + vehicle.toLowerCase()));
        registration.put("documents", documents);
        expect(platform.drivers.post("/api/v1/drivers/register", registration, driver.token()),
                "driver registration of " + fullName, 201);
        expect(platform.drivers.post("/api/v1/admin/drivers/" + driver.userId() + "/approve", null, admin.token()),
                "approval of driver " + fullName, 200);
        return driver;
    }

    /** The driver app switches on at a spot. */
    public void goOnline(Actor driver, double lat, double lng) {
        expect(platform.drivers.post("/api/v1/drivers/" + driver.userId() + "/online-status",
                Map.of("online", true, "lat", lat, "lng", lng), driver.token()), "going online", 200);
    }

    /** The driver's current profile (status, online, busy, deliveries). */
    public JsonNode driverProfile(Actor driver) {
        Response response = expect(platform.drivers.get("/api/v1/drivers/" + driver.userId(), driver.token()),
                "driver profile", 200);
        return response.json();
    }
}
