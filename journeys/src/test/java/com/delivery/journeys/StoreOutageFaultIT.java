package com.delivery.journeys;

import static com.delivery.journeys.Platform.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.journeys.City.Vendor;
import com.delivery.journeys.Platform.Actor;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault suite: a store becomes unreachable for the whole fleet (through the {@link com.delivery.testsupport.FaultyTcpProxy} the fleet reaches it
 * by). With Redis gone, every service still answers within a second (the data from its database, or a clear 503);
 * with Elasticsearch gone, search says so at once, and what changed meanwhile is in search within seconds of its
 * return, without anyone reindexing. No pod leaves its Service meanwhile.
 */
@Order(61)
class StoreOutageFaultIT extends JourneySupport {

    /** What a person waiting, or a mobile app's request timeout, tolerates. */
    private static final Duration PATIENCE = Duration.ofSeconds(1);
    private static final Duration CONSISTENT_WITHIN = Duration.ofSeconds(10);

    @Test
    void withRedisStalledOrRefusingEveryServiceAnswersWithinASecond() {
        Fleet.Stores stores = storesOfThisRun();
        double[] at = spot();
        Vendor vendor = pizzeria("Trattoria " + uniqueWord(), at);
        Actor customer = person("CUSTOMER", "Rhea Redis");
        Actor driver = city.approvedDriver("Reto Redis", "driver", DOMAIN, PASSWORD, "BICYCLE");
        Response placed = placeOrder(customer, orderBody(vendor, near(at), Map.of("Margherita", 1, "Tiramisu", 1), 0), key());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("id");
        awaitPayment(orderId, customer, "REQUIRES_PAYMENT");
        List<Probe> probes = probes(vendor, customer, driver, orderId, at);
        Map<String, Integer> healthy = new LinkedHashMap<>();
        probes.forEach(probe -> healthy.put(probe.name(), probe.call().get().status()));

        try (ReadinessWatch readiness = ReadinessWatch.start(platform)) {
            Map<String, Runnable> faults = new LinkedHashMap<>();
            faults.put("blackholed", stores.redis()::blackhole);
            faults.put("refusing", stores.redis()::refuse);
            for (Map.Entry<String, Runnable> fault : faults.entrySet()) {
                fault.getValue().run();
                try {
                    Map<String, Long> slowest = new LinkedHashMap<>();
                    for (Probe probe : probes) {
                        // twice: the first call meets the outage, the second what the service learned from it
                        slowest.put(probe.name(), Math.max(probe.answersInTime(), probe.answersInTime()));
                    }
                    System.out.printf("[faults] Redis %s, slowest of two answers (ms): %s%n", fault.getKey(), slowest);
                } finally {
                    stores.redis().forward();
                }
                for (Probe probe : probes) {
                    // back to the very answer it gave before the outage
                    await(probe.name() + " after Redis is back").atMost(EVENTUALLY)
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> probe.call().get().status() == healthy.get(probe.name()));
                }
            }
            assertThat(readiness.failures()).as("readiness answers while Redis was away").isEmpty();
        }
    }

    @Test
    void changesMadeWhileElasticsearchIsDownAreInSearchSoonAfterItsReturn() {
        Fleet.Stores stores = storesOfThisRun();
        double[] at = spot();
        String word = uniqueWord();
        Vendor staying = pizzeria("Trattoria " + word, at);
        Vendor leaving = pizzeria("Osteria " + word, new double[] {at[0] + 0.003, at[1]});
        double[] home = near(at);
        await("both in search").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> searchIds(word, home), ids -> ids.contains(staying.id()) && ids.contains(leaving.id()));

        Vendor arriving;
        String dish = "Calzone " + uniqueWord();
        try (ReadinessWatch readiness = ReadinessWatch.start(platform)) {
            stores.elasticsearch().refuse();
            long restoredAt;
            try {
                Response search = platform.vendors.withTimeout(PATIENCE).get(searchPath(word, home), null);
                assertThat(search.status()).as(search.toString()).isEqualTo(503);
                assertThat(search.contentType()).startsWith("application/problem+json");
                assertThat(search.header("Retry-After")).isNotBlank();

                // meanwhile: a new shop is approved, one closes down, one adds a dish
                arriving = pizzeria("Pizzeria " + word, new double[] {at[0] - 0.003, at[1]});
                expect(platform.vendors.post("/api/v1/admin/vendors/" + leaving.id() + "/suspend",
                        Map.of("reason", "hygiene inspection"), admin.token()), "suspension", 200);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("section", "Pizza");
                item.put("name", dish);
                item.put("description", "folded, with ricotta");
                item.put("priceMinor", 1100);
                expect(platform.vendors.post("/api/v1/vendors/" + staying.id() + "/menu", item,
                        staying.owner().token()), "new dish", 201);
            } finally {
                stores.elasticsearch().forward();
                restoredAt = System.nanoTime();
            }

            Vendor arrived = arriving;
            await("search consistent within " + CONSISTENT_WITHIN.toSeconds() + " s of Elasticsearch's return")
                    .atMost(CONSISTENT_WITHIN).pollInterval(Duration.ofMillis(250))
                    .until(() -> searchIds(word, home), ids -> ids.contains(arrived.id())
                            && ids.contains(staying.id()) && !ids.contains(leaving.id()));
            await("the new dish found").atMost(CONSISTENT_WITHIN).pollInterval(Duration.ofMillis(250))
                    .until(() -> platform.vendors.get("/api/v1/menu-items/search?q="
                            + dish.replace(' ', '+') + "&lat=" + home[0] + "&lng=" + home[1] + "&radiusKm=5", null),
                            r -> r.status() == 200 && r.body().contains(staying.id()));
            System.out.printf("[faults] search consistent %d ms after Elasticsearch returned%n",
                    (System.nanoTime() - restoredAt) / 1_000_000);
            assertThat(readiness.failures()).as("readiness answers while Elasticsearch was away").isEmpty();
        }
    }

    private static Fleet.Stores storesOfThisRun() {
        Assumptions.assumeTrue(Fleet.stores().isPresent(),
                "the store faults need a fleet this run started (not -Djourneys.reuseFleet)");
        return Fleet.stores().orElseThrow();
    }

    private static String searchPath(String word, double[] home) {
        return "/api/v1/vendors/search?q=" + word + "&lat=" + home[0] + "&lng=" + home[1] + "&radiusKm=5";
    }

    private static List<String> searchIds(String word, double[] home) {
        List<String> ids = new ArrayList<>();
        expect(platform.vendors.get(searchPath(word, home), null), "search", 200).json().path("items")
                .forEach(hit -> ids.add(hit.path("vendorId").asString()));
        return ids;
    }

    /** One REST call an app makes, asked with a client that gives up after {@link #PATIENCE}. */
    private record Probe(String name, Supplier<Response> call) {

        /** Asks once; returns how long the answer took, in milliseconds. */
        long answersInTime() {
            Response response;
            long started = System.nanoTime();
            try {
                response = call.get();
            } catch (RuntimeException e) {
                throw new AssertionError(name + " gave no answer within " + PATIENCE.toMillis() + " ms", e);
            }
            if (response.status() == 503) {
                assertThat(response.contentType()).as(name + ": " + response).startsWith("application/problem+json");
                assertThat(response.header("Retry-After")).as(name + ": " + response).isNotBlank();
            } else {
                assertThat(response.status()).as(name + ": " + response).isLessThan(500);
            }
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static List<Probe> probes(Vendor vendor, Actor customer, Actor driver, String orderId, double[] at) {
        ApiClient users = platform.users.withTimeout(PATIENCE);
        ApiClient vendors = platform.vendors.withTimeout(PATIENCE);
        ApiClient orders = platform.orders.withTimeout(PATIENCE);
        ApiClient payments = platform.payments.withTimeout(PATIENCE);
        ApiClient drivers = platform.drivers.withTimeout(PATIENCE);
        ApiClient tracking = platform.tracking.withTimeout(PATIENCE);
        ApiClient notifications = platform.notifications.withTimeout(PATIENCE);
        Map<String, Object> credentials = Map.of("email", customer.email(), "password", PASSWORD);
        List<Probe> probes = new ArrayList<>();
        Consumer<Probe> add = probes::add;
        add.accept(new Probe("sign in", () -> users.post("/api/v1/auth/login", credentials, null)));
        add.accept(new Probe("my profile", () -> users.get("/api/v1/users/me", customer.token())));
        add.accept(new Probe("vendor profile", () -> vendors.get("/api/v1/vendors/" + vendor.id(), null)));
        add.accept(new Probe("menu", () -> vendors.get("/api/v1/vendors/" + vendor.id() + "/menu", null)));
        add.accept(new Probe("search", () -> vendors.get("/api/v1/vendors/search?lat=" + at[0] + "&lng=" + at[1]
                + "&radiusKm=5", null)));
        add.accept(new Probe("my order", () -> orders.get("/api/v1/orders/" + orderId, customer.token())));
        add.accept(new Probe("my orders", () -> orders.get("/api/v1/orders/user/" + customer.userId(),
                customer.token())));
        add.accept(new Probe("my payment", () -> payments.get("/api/v1/payments/orders/" + orderId,
                customer.token())));
        add.accept(new Probe("driver profile", () -> drivers.get("/api/v1/drivers/" + driver.userId(),
                driver.token())));
        add.accept(new Probe("driver goes online", () -> drivers.post("/api/v1/drivers/" + driver.userId()
                + "/online-status", Map.of("online", true, "lat", at[0], "lng", at[1]), driver.token())));
        add.accept(new Probe("where my order is", () -> tracking.get("/api/v1/tracking/orders/" + orderId,
                customer.token())));
        add.accept(new Probe("my notifications", () -> notifications.get("/api/v1/notifications/history",
                customer.token())));
        return probes;
    }
}
