package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole story of one order, from signing up to the receipt, across all seven services. */
@Order(1)
class HappyPathJourneyIT extends JourneySupport {

    private static final List<String> LIFECYCLE = List.of("PLACED", "CONFIRMED", "PREPARING", "READY_FOR_PICKUP",
            "PICKED_UP", "DELIVERED");

    @Test
    void aCustomerOrdersFindsTheirDriverFollowsTheRideAndEveryoneIsTold() throws Exception {
        // 1. everyone signs up; the vendor opens shop; the admin approves vendor and driver
        double[] at = spot();
        String word = uniqueWord();
        Vendor vendor = pizzeria("Trattoria " + word, at);
        Actor driver = city.approvedDriver("Dora Driver", "driver", DOMAIN, PASSWORD, "SCOOTER");
        platform.registerDevice(driver);
        Actor customer = person("CUSTOMER", "Carla Customer");
        double[] home = near(at);

        // 2. the customer finds the vendor by typing part of its name, and nearest first around their home
        JsonNode suggestions = await("autocomplete").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> expect(platform.vendors.get("/api/v1/vendors/autocomplete?prefix="
                        + word.substring(0, 5), null), "autocomplete", 200).json().path("suggestions"),
                        s -> contains(s, "vendorId", vendor.id()));
        assertThat(texts(suggestions, "text")).contains(vendor.name());
        JsonNode hits = expect(platform.vendors.get("/api/v1/vendors/search?lat=" + home[0] + "&lng=" + home[1]
                + "&radiusKm=5&openNow=true", null), "search", 200).json().path("items");
        assertThat(texts(hits, "vendorId")).contains(vendor.id());
        List<Double> distances = new ArrayList<>();
        hits.forEach(h -> distances.add(h.path("distanceKm").asDouble()));
        assertThat(distances).isSorted();
        JsonNode hit = find(hits, "vendorId", vendor.id());
        assertThat(hit.path("openNow").asBoolean()).isTrue();
        assertThat(hit.path("distanceKm").asDouble()).isBetween(0.3, 1.0);

        JsonNode menu = expect(platform.vendors.get("/api/v1/vendors/" + vendor.id() + "/menu", customer.token()),
                "menu", 200).json();
        List<JsonNode> items = new ArrayList<>();
        menu.path("sections").forEach(s -> s.path("items").forEach(items::add));
        assertThat(items).extracting(i -> i.path("name").asString()).containsExactlyInAnyOrder("Margherita", "Tiramisu");
        assertThat(items.stream().filter(i -> i.path("name").asString().equals("Margherita")).findFirst().orElseThrow()
                .path("stockAvailable").asInt()).isEqualTo(10);

        try (TestSocket adminOrders = TestSocket.withAuth(platform.orderSocketUrl, admin.token()).connected();
                TestSocket customerOrders = TestSocket.withAuth(platform.orderSocketUrl, customer.token()).connected();
                TestSocket customerTracking = TestSocket.withAuth(platform.trackingSocketUrl, customer.token())
                        .connected()) {
            assertThat(adminOrders.join("admin").path("ok").asBoolean()).isTrue();

            // 3. checkout with an Idempotency-Key; the intent is created; Stripe confirms the charge
            Response placed = placeOrder(customer, orderBody(vendor, home, Map.of("Margherita", 2, "Tiramisu", 1), 200),
                    key());
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            JsonNode created = placed.json();
            String orderId = created.path("id").asString();
            assertThat(created.path("status").asString()).isEqualTo("PENDING_PAYMENT");
            assertThat(created.path("subtotalMinor").asLong()).isEqualTo(2 * 900 + 450);
            assertThat(created.path("deliveryFeeMinor").asLong()).isEqualTo(250);
            assertThat(created.path("totalMinor").asLong()).isEqualTo(2 * 900 + 450 + 250 + 200);
            assertThat(customerOrders.join("order:" + orderId).path("ok").asBoolean()).isTrue();

            JsonNode payment = pay(orderId, customer);
            assertThat(payment.path("amountMinor").asLong()).isEqualTo(created.path("totalMinor").asLong());
            awaitStatus(orderId, customer, "PLACED");
            assertThat(awaitPayment(orderId, customer, "SUCCEEDED").path("capturedMinor").asLong())
                    .isEqualTo(created.path("totalMinor").asLong());
            await("stock reserved").atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode stock = stock(vendor, "Margherita");
                assertThat(stock.path("reserved").asInt()).isEqualTo(2);
                assertThat(stock.path("available").asInt()).isEqualTo(8);
            });
            JsonNode stats = expect(platform.orders.get("/api/v1/admin/orders/stats", admin.token()), "stats", 200).json();
            assertThat(stats.path("activeByStatus").path("PLACED").asLong()).isPositive();
            assertThat(stats.path("perMinute").findValues("orders").stream().mapToLong(JsonNode::asLong).sum())
                    .isPositive();

            // 4. the vendor confirms; the driver near the vendor gets the offer and accepts; the order shows them
            city.goOnline(driver, at[0] + 0.002, at[1] - 0.002);
            setStatus(orderId, vendor.owner(), "CONFIRMED");
            JsonNode offer = await("offer").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                    .until(() -> platform.drivers.get("/api/v1/drivers/" + driver.userId() + "/offers/current",
                            driver.token()), r -> r.status() == 200 && r.text("orderId").equals(orderId))
                    .json();
            assertThat(offer.path("vendorName").asString()).isEqualTo(vendor.name());
            expect(platform.drivers.post("/api/v1/drivers/" + driver.userId() + "/offers/" + orderId + "/accept", null,
                    driver.token()), "accept", 200);
            JsonNode assigned = awaitOrder(orderId, customer, "driver shown",
                    o -> o.path("driver").path("id").asString().equals(driver.userId()));
            assertThat(assigned.path("driver").path("name").asString()).isEqualTo("Dora Driver");

            // 5. ready, picked up; the driver streams locations, the customer watches them and the ETA
            setStatus(orderId, vendor.owner(), "PREPARING");
            setStatus(orderId, vendor.owner(), "READY_FOR_PICKUP");
            setStatus(orderId, driver, "PICKED_UP");
            try (TestSocket driverTracking = TestSocket.withAuth(platform.trackingSocketUrl, driver.token())
                    .connected()) {
                await("tracking knows the trip").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                        .until(() -> customerTracking.join("order:" + orderId).path("ok").asBoolean());
                AtomicInteger fix = new AtomicInteger();
                // one fix per poll (about a second apart, ~12 m each) until the customer has seen the ETA
                await("driver:location and eta:update").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            int n = fix.incrementAndGet();
                            JsonNode ack = driverTracking.sendLocation(fixAt(orderId, at, n));
                            assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
                            return !customerTracking.heard("driver:location").isEmpty()
                                    && customerTracking.heard("eta:update").stream()
                                            .anyMatch(e -> e.path("orderId").asString().equals(orderId));
                        });
                JsonNode location = customerTracking.heard("driver:location").getLast();
                assertThat(location.path("driverId").asString()).isEqualTo(driver.userId());
                // where the driver's phone said they were: on the way from the vendor (one step per fix)
                assertThat(location.path("lat").asDouble()).isBetween(at[0], at[0] + 0.0001 * fix.get() + 1e-9);
                JsonNode eta = customerTracking.heard("eta:update").getLast();
                assertThat(eta.path("etaSeconds").asInt()).isPositive();
                assertThat(eta.path("distanceMeters").asInt()).isPositive();
            }

            // 6. delivered: the customer and the admin saw every step, live
            setStatus(orderId, driver, "DELIVERED");
            await("customer heard DELIVERED").atMost(EVENTUALLY)
                    .until(() -> statuses(customerOrders, orderId).contains("DELIVERED"));
            assertThat(statuses(customerOrders, orderId)).containsExactlyElementsOf(LIFECYCLE);
            await("admin heard DELIVERED").atMost(EVENTUALLY)
                    .until(() -> statuses(adminOrders, orderId).contains("DELIVERED"));
            // the dashboard sees the order from its creation on
            assertThat(statuses(adminOrders, orderId)).first().isEqualTo("PENDING_PAYMENT");
            assertThat(statuses(adminOrders, orderId)).containsSubsequence(LIFECYCLE).hasSize(LIFECYCLE.size() + 1);
            assertThat(adminOrders.heard("order:status").stream()
                    .filter(e -> e.path("orderId").asString().equals(orderId)).findFirst().orElseThrow()
                    .path("vendorId").asString()).isEqualTo(vendor.id());

            // the driver's earnings show the delivery with the tip, the vendor's analytics the revenue
            JsonNode earnings = await("earnings").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .until(() -> expect(platform.drivers.get("/api/v1/drivers/" + driver.userId() + "/earnings",
                            driver.token()), "earnings", 200).json(), e -> e.path("lifetime").path("deliveries").asLong() == 1);
            assertThat(earnings.path("lifetime").path("tipMinor").asLong()).isEqualTo(200);
            assertThat(earnings.path("lifetime").path("totalMinor").asLong()).isGreaterThanOrEqualTo(300 + 200);
            JsonNode analytics = await("analytics").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .until(() -> expect(platform.vendors.get("/api/v1/vendors/" + vendor.id() + "/analytics",
                            vendor.owner().token()), "analytics", 200).json(), a -> a.path("orders").asLong() == 1);
            assertThat(analytics.path("revenueMinor").asLong()).isEqualTo(2 * 900 + 450);
            assertThat(analytics.path("ordersReceived").asLong()).isEqualTo(1);
            assertThat(stock(vendor, "Margherita").path("available").asInt()).isEqualTo(8);

            // customer, vendor and driver were told what the routing promises, through the local sink
            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put(customer.userId(), List.of("order.created/PUSH", "order.created/EMAIL",
                    "order.confirmed/PUSH", "driver.assigned/PUSH", "order.picked_up/PUSH", "order.delivered/PUSH",
                    "order.delivered/EMAIL"));
            expected.put(vendor.owner().userId(), List.of("order.created/PUSH", "order.created/SMS"));
            expected.put(driver.userId(), List.of("driver.offer/PUSH", "order.ready_for_pickup/PUSH"));
            await("notifications delivered").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        List<JsonNode> sent = notificationsOf(orderId);
                        expected.forEach((recipient, messages) -> assertThat(sent.stream()
                                .filter(n -> n.path("recipientId").asString().equals(recipient))
                                .filter(n -> n.path("status").asString().equals("DELIVERED"))
                                .map(n -> n.path("eventType").asString() + "/" + n.path("channel").asString())
                                .toList()).as("delivered to %s", recipient).containsAll(messages));
                    });
        }
    }

    private static Map<String, Object> fixAt(String orderId, double[] from, int n) {
        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("orderId", orderId);
        fix.put("lat", from[0] + 0.0001 * n);
        fix.put("lng", from[1] + 0.0001 * n);
        fix.put("heading", 45);
        fix.put("speed", 8);
        fix.put("accuracy", 5);
        fix.put("ts", System.currentTimeMillis());
        return fix;
    }

    static List<String> statuses(TestSocket socket, String orderId) {
        return socket.heard("order:status").stream().filter(e -> e.path("orderId").asString().equals(orderId))
                .map(e -> e.path("status").asString()).toList();
    }

    static boolean contains(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.path(field).asString()));
        return texts;
    }
}
