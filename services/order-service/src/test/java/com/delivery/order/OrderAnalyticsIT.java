package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.delivery.kit.security.Role;
import com.delivery.order.domain.Actor;
import com.delivery.order.domain.Checkout;
import com.delivery.order.domain.DeliveryAddress;
import com.delivery.order.domain.Location;
import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderItem;
import com.delivery.order.domain.OrderStatus;
import com.delivery.order.domain.Orders;
import com.delivery.order.domain.Totals;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The order analytics against PostgreSQL with fixture orders of known amounts and times. The fixtures live in a
 * random January week of a far year (and a random spot on the globe for the regions), so orders of other tests and
 * earlier runs never fall into the ranges asked about. January: Europe/Berlin is UTC+1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderAnalyticsIT extends OrderServiceTestBase {

    private static final String PATH = "/api/v1/admin/analytics/orders";

    @Autowired
    Orders orders;

    /** Monday 00:00 UTC of the fixture week. */
    LocalDate monday;
    double lat;
    double lng;
    String insideRegion;
    String otherRegion;

    @BeforeAll
    void fixtures() {
        api = ApiClient.onPort(port);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        monday = LocalDate.of(random.nextInt(2200, 3000), 1, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
                .plusWeeks(random.nextInt(0, 3));
        lat = random.nextDouble(-60, 60);
        lng = random.nextDouble(-170, 170);
        // A: FOOD, Monday 10:15Z, delivered 30 min after placing
        delivered(order("FOOD", "EUR", "Berlin", lat, lng, at(0, "10:15"), 2000, 300, 100, 200),
                at(0, "10:16"), at(0, "10:46"));
        // B: FOOD, Tuesday 23:30Z = Wednesday 00:30 in Berlin, delivered 50 min after placing
        delivered(order("FOOD", "EUR", "Berlin", lat, lng, at(1, "23:30"), 1000, 250, 0, 100),
                at(1, "23:30"), at(2, "00:20"));
        // C: FOOD, Monday 12:00Z, paid then cancelled: counted as an order, never as revenue
        Order c = order("FOOD", "EUR", "Berlin", lat, lng, at(0, "12:00"), 5000, 300, 0, 500);
        c.stockHeld(at(0, "12:00"));
        c.paymentCompleted("pi_c", at(0, "12:01"));
        c.cancel(customer(c), "changed my mind", at(0, "12:05"));
        orders.save(c);
        // D: GROCERY, Wednesday 08:00Z, delivered in 40 min
        delivered(order("GROCERY", "EUR", "Hamburg", lat + 0.01, lng + 0.01, at(2, "08:00"), 4000, 0, 200, 400),
                at(2, "08:00"), at(2, "08:40"));
        // E: GROCERY in GBP, Wednesday 09:00Z, delivered in 20 min, elsewhere
        delivered(order("GROCERY", "GBP", "London", lat + 1, lng + 1, at(2, "09:00"), 3000, 199, 0, 300),
                at(2, "09:00"), at(2, "09:20"));
        // F: PHARMACY, Thursday 14:00Z, still being prepared; the quote named no city; far from both regions
        Order f = order("PHARMACY", "EUR", null, lat - 1, lng - 1, at(3, "14:00"), 1500, 0, 0, 150);
        f.stockHeld(at(3, "14:00"));
        f.paymentCompleted("pi_f", at(3, "14:01"));
        f.moveTo(OrderStatus.CONFIRMED, vendor(f), null, at(3, "14:02"));
        orders.save(f);
        // G: the Sunday before, 23:59Z = Monday 00:59 in Berlin; H: the next Monday 00:00Z (the week's exclusive end)
        delivered(order("FOOD", "EUR", "Berlin", lat, lng, at(-1, "23:59"), 700, 100, 0, 70),
                at(-1, "23:59"), at(0, "00:29"));
        delivered(order("FOOD", "EUR", "Berlin", lat, lng, at(7, "00:00"), 900, 100, 0, 90),
                at(7, "00:00"), at(7, "00:30"));

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        insideRegion = "Centre " + suffix;
        otherRegion = "North " + suffix;
        Response centre = api.post("/api/v1/admin/regions", region(insideRegion, lat, lng, 0.05), adminToken());
        assertThat(centre.status()).as(centre.body()).isEqualTo(201);
        Response north = api.post("/api/v1/admin/regions", region(otherRegion, lat + 1, lng + 1, 0.05), adminToken());
        assertThat(north.status()).as(north.body()).isEqualTo(201);
    }

    // ---- the figures ---------------------------------------------------------------------------------------

    @Test
    void totalsAndCategoriesAreExactAndACancelledOrderIsNoRevenue() {
        JsonNode report = report(week(), "category", null);

        assertThat(report.path("zone").asString()).isEqualTo("UTC");
        assertThat(report.path("from").asString()).isEqualTo(at(0, "00:00").toString());
        JsonNode total = report.path("total");
        assertThat(total.path("key").isNull()).isTrue();
        assertCounts(total, 6, 4, 1);
        // (1800 + 3000 + 2400 + 1200) / 4
        assertThat(total.path("averageDeliverySeconds").asDouble()).isEqualTo(2100.0);
        assertMoney(total, "EUR", 3, 7000, 550, 300, 700);
        assertMoney(total, "GBP", 1, 3000, 199, 0, 300);
        assertThat(total.path("revenue")).hasSize(2);

        assertThat(keys(report)).containsExactly("FOOD", "GROCERY", "PHARMACY");
        JsonNode food = bucket(report, "FOOD");
        assertCounts(food, 3, 2, 1);
        assertThat(food.path("averageDeliverySeconds").asDouble()).isEqualTo(2400.0);
        assertMoney(food, "EUR", 2, 3000, 550, 100, 300);
        assertThat(food.path("revenue")).hasSize(1);
        JsonNode grocery = bucket(report, "GROCERY");
        assertCounts(grocery, 2, 2, 0);
        assertThat(grocery.path("averageDeliverySeconds").asDouble()).isEqualTo(1800.0);
        assertMoney(grocery, "EUR", 1, 4000, 0, 200, 400);
        assertMoney(grocery, "GBP", 1, 3000, 199, 0, 300);
        JsonNode pharmacy = bucket(report, "PHARMACY");
        assertCounts(pharmacy, 1, 0, 0);
        assertThat(pharmacy.path("averageDeliverySeconds").isNull()).isTrue();
        assertThat(pharmacy.path("revenue")).isEmpty();
    }

    @Test
    void hourOfDayIsTakenInTheRequestedZone() {
        JsonNode utc = report(week(), "hourOfDay", null);
        assertThat(utc.path("buckets")).hasSize(24);
        assertThat(hours(utc)).containsExactly(8, 9, 10, 12, 14, 23);
        assertCounts(bucket(utc, "23"), 1, 1, 0);
        assertMoney(bucket(utc, "23"), "EUR", 1, 1000, 250, 0, 100);
        assertCounts(bucket(utc, "0"), 0, 0, 0);
        assertThat(bucket(utc, "0").path("revenue")).isEmpty();

        JsonNode berlin = report(week(), "hourOfDay", "Europe/Berlin");
        assertThat(berlin.path("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(berlin.path("buckets")).hasSize(24);
        // the same instants, one hour later on the clock; 23:30Z is 00:30 in Berlin
        assertThat(hours(berlin)).containsExactly(0, 9, 10, 11, 13, 15);
        assertCounts(bucket(berlin, "0"), 1, 1, 0);
        assertMoney(bucket(berlin, "0"), "EUR", 1, 1000, 250, 0, 100);
        assertThat(bucket(berlin, "0").path("averageDeliverySeconds").asDouble()).isEqualTo(3000.0);
        assertCounts(bucket(berlin, "23"), 0, 0, 0);
        assertCounts(berlin.path("total"), 6, 4, 1);
    }

    @Test
    void dayOfWeekIsTakenInTheRequestedZone() {
        JsonNode utc = report(week(), "dayOfWeek", null);
        assertThat(keys(utc)).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                "SUNDAY");
        assertCounts(bucket(utc, "MONDAY"), 2, 1, 1);
        assertCounts(bucket(utc, "TUESDAY"), 1, 1, 0);
        assertCounts(bucket(utc, "WEDNESDAY"), 2, 2, 0);
        assertCounts(bucket(utc, "THURSDAY"), 1, 0, 0);
        assertCounts(bucket(utc, "SUNDAY"), 0, 0, 0);

        JsonNode berlin = report(week(), "dayOfWeek", "Europe/Berlin");
        assertCounts(bucket(berlin, "TUESDAY"), 0, 0, 0);
        assertCounts(bucket(berlin, "WEDNESDAY"), 3, 3, 0);
        assertMoney(bucket(berlin, "WEDNESDAY"), "EUR", 2, 5000, 250, 200, 500);
        assertMoney(bucket(berlin, "WEDNESDAY"), "GBP", 1, 3000, 199, 0, 300);
    }

    @Test
    void datesAreMidnightsInTheZoneAndTheEndIsExclusive() {
        String dates = "from=" + monday + "&to=" + monday.plusDays(7);
        JsonNode utc = report(dates, "category", null);
        assertThat(utc.path("to").asString()).isEqualTo(at(7, "00:00").toString());
        assertCounts(utc.path("total"), 6, 4, 1);

        // in Berlin the week starts at Sunday 23:00Z: G (Sunday 23:59Z) is in, H (Monday 00:00Z) still out
        JsonNode berlin = report(dates, "category", "Europe/Berlin");
        assertThat(berlin.path("from").asString()).isEqualTo(at(-1, "23:00").toString());
        assertCounts(berlin.path("total"), 7, 5, 1);
        assertMoney(berlin.path("total"), "EUR", 4, 7700, 650, 300, 770);
        // (1800 + 3000 + 2400 + 1200 + 1800) / 5
        assertThat(berlin.path("total").path("averageDeliverySeconds").asDouble()).isEqualTo(2040.0);
    }

    @Test
    void citiesAreTheVendorsCitiesAndUnknownComesLast() {
        JsonNode report = report(week(), "city", null);
        List<String> keys = new ArrayList<>();
        report.path("buckets").forEach(b -> keys.add(b.path("key").isNull() ? null : b.path("key").asString()));
        assertThat(keys).containsExactly("Berlin", "Hamburg", "London", null);
        assertCounts(bucket(report, "Berlin"), 3, 2, 1);
        assertMoney(bucket(report, "London"), "GBP", 1, 3000, 199, 0, 300);
        assertCounts(report.path("buckets").get(3), 1, 0, 0);
    }

    @Test
    void regionsCountTheOrdersWhoseVendorTheyCover() {
        JsonNode report = report(week(), "region", null);
        List<String> keys = new ArrayList<>();
        report.path("buckets").forEach(b -> keys.add(b.path("key").isNull() ? null : b.path("key").asString()));
        assertThat(keys).containsExactly(insideRegion, otherRegion, null);
        JsonNode inside = bucket(report, insideRegion);
        assertCounts(inside, 4, 3, 1);
        assertMoney(inside, "EUR", 3, 7000, 550, 300, 700);
        JsonNode other = bucket(report, otherRegion);
        assertCounts(other, 1, 1, 0);
        assertMoney(other, "GBP", 1, 3000, 199, 0, 300);
        assertCounts(report.path("buckets").get(2), 1, 0, 0);
    }

    @Test
    void anEmptyRangeHasZerosAndNoRevenue() {
        String before = "from=" + at(-14, "00:00") + "&to=" + at(-7, "00:00");
        JsonNode byCategory = report(before, "category", null);
        assertCounts(byCategory.path("total"), 0, 0, 0);
        assertThat(byCategory.path("total").path("averageDeliverySeconds").isNull()).isTrue();
        assertThat(byCategory.path("total").path("revenue")).isEmpty();
        assertThat(byCategory.path("buckets")).isEmpty();

        JsonNode byHour = report(before, "hourOfDay", "Europe/Berlin");
        assertThat(byHour.path("buckets")).hasSize(24);
        byHour.path("buckets").forEach(b -> {
            assertCounts(b, 0, 0, 0);
            assertThat(b.path("revenue")).isEmpty();
        });
        assertThat(report(before, "dayOfWeek", null).path("buckets")).hasSize(7);
    }

    // ---- who may ask, and how ------------------------------------------------------------------------------

    @Test
    void onlyAdminsMayReadAnalyticsOrRegions() {
        for (String path : List.of(PATH + "?" + week(), "/api/v1/admin/regions")) {
            assertThat(api.get(path, null).status()).isEqualTo(401);
            assertThat(api.get(path, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
            assertThat(api.get(path, vendorToken(UUID.randomUUID())).status()).isEqualTo(403);
            assertThat(api.get(path, driverToken(UUID.randomUUID())).status()).isEqualTo(403);
        }
        Map<String, Object> body = region("Nope " + UUID.randomUUID(), lat, lng, 0.01);
        assertThat(api.post("/api/v1/admin/regions", body, null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/regions", body, vendorToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/admin/regions/" + UUID.randomUUID(), customerToken(UUID.randomUUID())).status())
                .isEqualTo(403);
        assertThat(api.get("/api-docs", null).body()).contains(PATH, "/api/v1/admin/regions/{regionId}");
    }

    @Test
    void badQuestionsAre400Problems() {
        String week = week();
        assertProblem(api.get(PATH + "?" + week + "&zone=Mars/Olympus", adminToken()), "invalid-zone");
        assertProblem(api.get(PATH + "?" + week + "&zone=%2B02:00", adminToken()), "invalid-zone");
        assertProblem(api.get(PATH + "?" + week + "&groupBy=weather", adminToken()), "invalid-group-by");
        assertProblem(api.get(PATH + "?from=" + at(7, "00:00") + "&to=" + at(0, "00:00"), adminToken()),
                "invalid-range");
        assertProblem(api.get(PATH + "?from=" + at(0, "00:00") + "&to=" + at(0, "00:00"), adminToken()),
                "invalid-range");
        assertProblem(api.get(PATH + "?to=" + at(0, "00:00"), adminToken()), "invalid-range");
        assertProblem(api.get(PATH + "?from=yesterday&to=" + at(0, "00:00"), adminToken()), "invalid-range");
        assertProblem(api.get(PATH + "?from=" + monday + "&to=" + monday.plusDays(367), adminToken()),
                "range-too-long");
        assertThat(api.get(PATH + "?from=" + monday + "&to=" + monday.plusDays(366), adminToken()).status())
                .isEqualTo(200);
    }

    // ---- regions -------------------------------------------------------------------------------------------

    @Test
    void adminsDrawListReadAndDeleteRegions() {
        String name = "Harbour " + UUID.randomUUID();
        Response created = api.post("/api/v1/admin/regions", region(name, lat - 5, lng - 5, 0.1), adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        JsonNode ring = created.json().path("boundary");
        assertThat(ring).hasSize(5);
        assertThat(ring.get(0)).isEqualTo(ring.get(4));
        assertThat(ring.get(0).path("lat").asDouble()).isCloseTo(lat - 5 - 0.1, within(1e-9));
        assertThat(ring.get(2).path("lng").asDouble()).isCloseTo(lng - 5 + 0.1, within(1e-9));

        assertThat(api.get("/api/v1/admin/regions/" + id, adminToken()).text("name")).isEqualTo(name);
        List<String> names = new ArrayList<>();
        api.get("/api/v1/admin/regions", adminToken()).json().forEach(r -> names.add(r.path("name").asString()));
        assertThat(names).contains(name, insideRegion, otherRegion);

        Response duplicate = api.post("/api/v1/admin/regions", region(name.toUpperCase(), lat, lng, 0.1), adminToken());
        assertThat(duplicate.status()).isEqualTo(409);

        assertThat(api.delete("/api/v1/admin/regions/" + id, adminToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/admin/regions/" + id, adminToken()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/regions/" + id, adminToken()).status()).isEqualTo(404);
    }

    @Test
    void anOutlineThatIsNoPolygonIsRefused() {
        // a bow tie crosses itself
        List<Map<String, Object>> bowTie = List.of(point(0, 0), point(1, 1), point(0, 1), point(1, 0));
        Response crossing = api.post("/api/v1/admin/regions",
                Map.of("name", "Bow tie " + UUID.randomUUID(), "boundary", bowTie), adminToken());
        assertProblem(crossing, "invalid-region");

        Response twoPoints = api.post("/api/v1/admin/regions",
                Map.of("name", "Line " + UUID.randomUUID(), "boundary", List.of(point(0, 0), point(1, 1))),
                adminToken());
        assertThat(twoPoints.status()).isEqualTo(400);
        Response repeated = api.post("/api/v1/admin/regions", Map.of("name", "Dot " + UUID.randomUUID(),
                "boundary", List.of(point(0, 0), point(1, 1), point(0, 0))), adminToken());
        assertProblem(repeated, "invalid-region");
        Response offTheMap = api.post("/api/v1/admin/regions", Map.of("name", "Off " + UUID.randomUUID(),
                "boundary", List.of(point(91, 0), point(1, 1), point(0, 1))), adminToken());
        assertThat(offTheMap.status()).isEqualTo(400);
    }

    @Test
    void checkoutKeepsTheVendorsCityFromTheQuote() {
        VendorStub luigi = VendorStub.pizzeria();
        Map<String, Object> quote = new LinkedHashMap<>(luigi.quote(List.of()));
        quote.put("vendorCity", "Berlin");
        luigi.quotes(quote);
        Response created = place(luigi, UUID.randomUUID());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT vendor_city FROM orders WHERE id = ?::uuid", String.class,
                created.text("id"))).isEqualTo("Berlin");

        VendorStub anna = VendorStub.grocer().quotes();
        Response withoutCity = place(anna, UUID.randomUUID());
        assertThat(withoutCity.status()).as(withoutCity.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT vendor_city FROM orders WHERE id = ?::uuid", String.class,
                withoutCity.text("id"))).isNull();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Instant at(int dayOffset, String time) {
        return monday.plusDays(dayOffset).atTime(java.time.LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    /** The fixture week in UTC instants. */
    private String week() {
        return "from=" + at(0, "00:00") + "&to=" + at(7, "00:00");
    }

    private JsonNode report(String range, String groupBy, String zone) {
        String query = range + "&groupBy=" + groupBy + (zone == null ? "" : "&zone=" + zone);
        Response response = api.get(PATH + "?" + query, adminToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("groupBy").asString()).isEqualTo(groupBy);
        return response.json();
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.path("buckets").forEach(b -> keys.add(b.path("key").asString()));
        return keys;
    }

    /** The hours that have orders. */
    private static List<Integer> hours(JsonNode report) {
        List<Integer> hours = new ArrayList<>();
        report.path("buckets").forEach(b -> {
            if (b.path("orders").asLong() > 0) {
                hours.add(Integer.parseInt(b.path("key").asString()));
            }
        });
        return hours;
    }

    private static JsonNode bucket(JsonNode report, String key) {
        for (JsonNode bucket : report.path("buckets")) {
            if (!bucket.path("key").isNull() && key.equals(bucket.path("key").asString())) {
                return bucket;
            }
        }
        throw new AssertionError("no bucket " + key + " in " + report);
    }

    private static void assertCounts(JsonNode bucket, long orders, long delivered, long cancelled) {
        assertThat(bucket.path("orders").asLong()).as("orders of %s", bucket).isEqualTo(orders);
        assertThat(bucket.path("delivered").asLong()).as("delivered of %s", bucket).isEqualTo(delivered);
        assertThat(bucket.path("cancelled").asLong()).as("cancelled of %s", bucket).isEqualTo(cancelled);
    }

    private static void assertMoney(JsonNode bucket, String currency, long delivered, long items, long deliveryFees,
            long tips, long platformFees) {
        JsonNode money = null;
        for (JsonNode candidate : bucket.path("revenue")) {
            if (candidate.path("currency").asString().equals(currency)) {
                money = candidate;
            }
        }
        assertThat(money).as("%s in %s", currency, bucket).isNotNull();
        assertThat(money.path("delivered").asLong()).isEqualTo(delivered);
        assertThat(money.path("itemsMinor").asLong()).isEqualTo(items);
        assertThat(money.path("deliveryFeesMinor").asLong()).isEqualTo(deliveryFees);
        assertThat(money.path("revenueMinor").asLong()).isEqualTo(items + deliveryFees);
        assertThat(money.path("tipsMinor").asLong()).isEqualTo(tips);
        assertThat(money.path("taxMinor").asLong()).isZero();
        assertThat(money.path("platformFeesMinor").asLong()).isEqualTo(platformFees);
        assertThat(money.path("refundedMinor").asLong()).isZero();
    }

    private static void assertProblem(Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/" + code);
    }

    private static Map<String, Object> region(String name, double centreLat, double centreLng, double half) {
        return Map.of("name", name, "boundary", List.of(
                point(centreLat - half, centreLng - half), point(centreLat - half, centreLng + half),
                point(centreLat + half, centreLng + half), point(centreLat + half, centreLng - half)));
    }

    private static Map<String, Object> point(double lat, double lng) {
        return Map.of("lat", lat, "lng", lng);
    }

    // ---- fixture orders, built by the domain and stored as the service stores them -------------------------

    private Order order(String category, String currency, String vendorCity, double vendorLat, double vendorLng,
            Instant createdAt, long subtotal, long deliveryFee, long tip, long platformFee) {
        Totals totals = new Totals(subtotal, deliveryFee, platformFee, tip, 0, subtotal + deliveryFee + tip);
        OrderItem item = new OrderItem(1, UUID.randomUUID(), "Fixture item", 1, subtotal, subtotal, false, null,
                List.of());
        return Order.place(new Checkout(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Fixture " + category, category, null, currency, List.of(item), totals,
                new DeliveryAddress("Street 1", "Somewhere", null, vendorLat, vendorLng),
                new Location(vendorLat, vendorLng), 15, 30, null, null, null, null, null, vendorCity), createdAt);
    }

    private void delivered(Order order, Instant placedAt, Instant deliveredAt) {
        UUID driverId = UUID.randomUUID();
        Actor driver = Actor.user(driverId, Set.of(Role.DRIVER));
        order.stockHeld(placedAt);
        order.paymentCompleted("pi_" + order.id(), placedAt);
        order.moveTo(OrderStatus.CONFIRMED, vendor(order), null, placedAt.plus(Duration.ofMinutes(1)));
        order.assignDriver(driverId, "Fixture Driver", "BICYCLE", placedAt.plus(Duration.ofMinutes(1)));
        order.moveTo(OrderStatus.PREPARING, vendor(order), null, placedAt.plus(Duration.ofMinutes(2)));
        order.moveTo(OrderStatus.READY_FOR_PICKUP, vendor(order), null, placedAt.plus(Duration.ofMinutes(10)));
        order.moveTo(OrderStatus.PICKED_UP, driver, null, placedAt.plus(Duration.ofMinutes(12)));
        order.moveTo(OrderStatus.DELIVERED, driver, null, deliveredAt);
        orders.save(order);
    }

    private static Actor vendor(Order order) {
        return Actor.user(order.vendorOwnerId(), Set.of(Role.VENDOR));
    }

    private static Actor customer(Order order) {
        return Actor.user(order.customerId(), Set.of(Role.CUSTOMER));
    }
}
