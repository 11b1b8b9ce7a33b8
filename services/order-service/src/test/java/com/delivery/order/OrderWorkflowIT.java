package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.DriverAssigned;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

class OrderWorkflowIT extends OrderServiceTestBase {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anOrderGoesFromPaymentToTheDoorWithEveryMoveInItsTimelineAndOnKafka() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CONFIRMED, Topics.ORDER_READY_FOR_PICKUP,
                Topics.ORDER_PICKED_UP, Topics.ORDER_DELIVERED)) {
            String orderId = placedOrder(luigi, ada);

            assertThat(move(orderId, "CONFIRMED", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
            assignDriver(orderId, tom, ada, luigi);
            assertThat(move(orderId, "PREPARING", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
            assertThat(move(orderId, "READY_FOR_PICKUP", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
            assertThat(move(orderId, "PICKED_UP", driverToken(tom)).status()).isEqualTo(200);
            Response delivered = move(orderId, "DELIVERED", driverToken(tom));

            assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
            assertThat(delivered.text("status")).isEqualTo("DELIVERED");
            List<String> moves = new ArrayList<>();
            for (JsonNode entry : delivered.json().path("timeline")) {
                if (entry.path("kind").asString().equals("STATUS_CHANGED")) {
                    moves.add(entry.path("from").asString() + ">" + entry.path("to").asString() + " by "
                            + entry.path("role").asString());
                    assertThat(entry.path("at").asString()).isNotBlank();
                }
            }
            assertThat(moves).containsExactly("PENDING_PAYMENT>PLACED by SYSTEM", "PLACED>CONFIRMED by VENDOR",
                    "CONFIRMED>PREPARING by VENDOR", "PREPARING>READY_FOR_PICKUP by VENDOR",
                    "READY_FOR_PICKUP>PICKED_UP by DRIVER", "PICKED_UP>DELIVERED by DRIVER");
            JsonNode lastMove = delivered.json().path("timeline").get(delivered.json().path("timeline").size() - 1);
            assertThat(lastMove.path("by").asString()).isEqualTo(tom.toString());

            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 4);
            List<String> types = probe.valuesFor(orderId).stream().map(json -> EventCodec.decode(json).type()).toList();
            assertThat(types).containsExactlyInAnyOrder(Topics.ORDER_CONFIRMED, Topics.ORDER_READY_FOR_PICKUP,
                    Topics.ORDER_PICKED_UP, Topics.ORDER_DELIVERED);
            OrderDelivered event = probe.valuesFor(orderId).stream().map(EventCodec::decode)
                    .filter(e -> e.payload() instanceof OrderDelivered).map(e -> (OrderDelivered) e.payload())
                    .findFirst().orElseThrow();
            assertThat(event.driverId()).isEqualTo(tom);
            assertThat(event.totalMinor()).isEqualTo(2949);
            assertThat(event.platformFeeMinor()).isEqualTo(245);
            OrderConfirmed confirmed = probe.valuesFor(orderId).stream().map(EventCodec::decode)
                    .filter(e -> e.payload() instanceof OrderConfirmed).map(e -> (OrderConfirmed) e.payload())
                    .findFirst().orElseThrow();
            assertThat(confirmed.vendorLocation().lat()).isEqualTo(52.5303);
        }
    }

    @Test
    void eachMoveIsForItsOwnRole() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);

        assertThat(move(orderId, "CONFIRMED", customerToken(ada)).status()).as("customers do not confirm").isEqualTo(403);
        assertThat(move(orderId, "CONFIRMED", driverToken(tom)).status()).as("strangers do nothing").isEqualTo(403);
        assertThat(move(orderId, "CONFIRMED", vendorToken(UUID.randomUUID())).status())
                .as("another vendor's owner").isEqualTo(403);
        assertThat(move(orderId, "CONFIRMED", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
        assignDriver(orderId, tom, ada, luigi);
        assertThat(move(orderId, "PREPARING", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
        assertThat(move(orderId, "READY_FOR_PICKUP", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
        assertThat(move(orderId, "PICKED_UP", vendorToken(luigi.ownerId)).status()).as("vendors do not pick up").isEqualTo(403);
        assertThat(move(orderId, "PICKED_UP", driverToken(UUID.randomUUID())).status()).as("not the assigned driver").isEqualTo(403);
        assertThat(move(orderId, "PICKED_UP", driverToken(tom)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "late"), customerToken(ada)).status())
                .as("a picked-up order can no longer be cancelled").isEqualTo(409);
        assertThat(move(orderId, "DELIVERED", adminToken()).status()).as("admins may override").isEqualTo(200);
    }

    @Test
    void aMoveThatDoesNotExistFromHereIsAConflict() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);

        Response skipping = move(orderId, "READY_FOR_PICKUP", vendorToken(luigi.ownerId));
        move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));
        Response again = move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));

        assertThat(skipping.status()).isEqualTo(409);
        assertThat(skipping.text("type")).isEqualTo("/problems/illegal-transition");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "PLACED"),
                vendorToken(luigi.ownerId)).status()).as("PLACED is not settable").isEqualTo(400);
    }

    @Test
    void pickingUpWithoutADriverIsAConflictEvenForAnAdmin() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        for (String status : List.of("CONFIRMED", "PREPARING", "READY_FOR_PICKUP")) {
            move(orderId, status, vendorToken(luigi.ownerId));
        }

        Response pickup = move(orderId, "PICKED_UP", adminToken());

        assertThat(pickup.status()).isEqualTo(409);
        assertThat(pickup.text("type")).isEqualTo("/problems/no-driver-assigned");
    }

    @Test
    void aStaleVersionIsAConflict() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        long seen = api.get("/api/v1/orders/" + orderId, customerToken(ada)).json().path("version").asLong();

        Response confirmed = api.put("/api/v1/orders/" + orderId + "/status",
                Map.of("status", "CONFIRMED", "version", seen), vendorToken(luigi.ownerId));
        Response stale = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "hungry elsewhere",
                "version", seen), customerToken(ada));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("version").asLong()).isGreaterThan(seen);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).isEqualTo("/problems/stale-version");
        awaitStatus(orderId, ada, "CONFIRMED");
    }

    @Test
    void ofTwoConflictingMovesAtTheSameTimeExactlyOneWins() throws Exception {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));
        // from CONFIRMED: the vendor starts preparing while the customer cancels; whichever lands second is illegal
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> preparing = pool.submit(() -> {
                start.await();
                return move(orderId, "PREPARING", vendorToken(luigi.ownerId));
            });
            Future<Response> cancelling = pool.submit(() -> {
                start.await();
                return api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "too slow"),
                        customerToken(ada));
            });
            start.countDown();
            List<Integer> statuses = List.of(preparing.get(30, TimeUnit.SECONDS).status(),
                    cancelling.get(30, TimeUnit.SECONDS).status());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode order = api.get("/api/v1/orders/" + orderId, customerToken(ada)).json();
        long moves = order.path("timeline").valueStream()
                .filter(e -> e.path("from").asString("").equals("CONFIRMED")).count();
        assertThat(moves).as("one move out of CONFIRMED in the timeline").isEqualTo(1);
    }

    @Test
    void theCustomerCancelsAndOrderCancelledTellsWhoAndWhy() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CANCELLED)) {
            String orderId = placedOrder(luigi, ada);

            Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "ordered twice"),
                    customerToken(ada));

            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
            JsonNode last = cancelled.json().path("timeline").get(cancelled.json().path("timeline").size() - 1);
            assertThat(last.path("reason").asString()).isEqualTo("ordered twice");
            assertThat(last.path("role").asString()).isEqualTo("CUSTOMER");
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 1);
            OrderCancelled event = EventCodec.decode(probe.valuesFor(orderId).getFirst(), OrderCancelled.class).payload();
            assertThat(event.reason()).isEqualTo("CUSTOMER_REQUEST");
            assertThat(event.cancelledBy()).isEqualTo("CUSTOMER");
            assertThat(event.previousStatus()).isEqualTo("PLACED");
            assertThat(event.items()).hasSize(2);
        }
    }

    @Test
    void aCancelNeedsAReason() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");

        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", " "), customerToken(ada)).status())
                .isEqualTo(400);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Test
    void anOrderIsReadByItsPeopleOnly() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");

        assertThat(api.get("/api/v1/orders/" + orderId, customerToken(ada)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + orderId, vendorToken(luigi.ownerId)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + orderId, adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + orderId, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/orders/" + orderId, vendorToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/orders/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
    }

    @Test
    void readsAreCachedAndEveryChangeEvictsTheEntry() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        String key = "order:view:" + orderId;

        api.get("/api/v1/orders/" + orderId, customerToken(ada));
        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(250L, 300L);

        move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));

        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.hasKey(key));
        assertThat(api.get("/api/v1/orders/" + orderId, customerToken(ada)).text("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aCustomersOrdersArePagedAndFilteredByStatusAndDate() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        String first = place(luigi, ada).text("id");
        String second = placedOrder(luigi, ada);
        place(luigi, ada);
        String base = "/api/v1/orders/user/" + ada;

        JsonNode all = api.get(base + "?size=2", customerToken(ada)).json();
        JsonNode placed = api.get(base + "?status=PLACED", customerToken(ada)).json();
        JsonNode waiting = api.get(base + "?status=PENDING_PAYMENT&from=" + before + "&to="
                + Instant.now().plusSeconds(60), customerToken(ada)).json();
        JsonNode future = api.get(base + "?from=" + Instant.now().plusSeconds(60), customerToken(ada)).json();

        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("items").size()).isEqualTo(2);
        assertThat(placed.path("items").valueStream().map(i -> i.path("id").asString())).containsExactly(second);
        assertThat(waiting.path("total").asLong()).isEqualTo(2);
        assertThat(waiting.path("items").valueStream().map(i -> i.path("id").asString())).contains(first);
        assertThat(future.path("total").asLong()).isZero();
        assertThat(api.get(base, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(base, adminToken()).status()).isEqualTo(200);
    }

    @Test
    void aVendorsOrdersAreForItsOwnerAndAdmins() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        place(luigi, UUID.randomUUID());
        placedOrder(luigi, UUID.randomUUID());
        String base = "/api/v1/orders/vendor/" + luigi.vendorId;

        JsonNode mine = api.get(base, vendorToken(luigi.ownerId)).json();
        JsonNode placed = api.get(base + "?status=PLACED", vendorToken(luigi.ownerId)).json();

        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(placed.path("total").asLong()).isEqualTo(1);
        assertThat(api.get(base, vendorToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(base, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(base, adminToken()).json().path("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/orders/vendor/" + UUID.randomUUID(), vendorToken(UUID.randomUUID()))
                .json().path("total").asLong()).as("a vendor without orders sees an empty list").isZero();
    }

    // ---- admin ---------------------------------------------------------------------------------------------

    @Test
    void adminsSearchEveryOrderByVendorCustomerCategoryStatusAndDate() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        VendorStub kiez = VendorStub.grocer().quotes();
        UUID ada = UUID.randomUUID();
        place(luigi, ada);
        place(kiez, ada);

        JsonNode byCustomer = api.get("/api/v1/admin/orders?customerId=" + ada, adminToken()).json();
        JsonNode byVendor = api.get("/api/v1/admin/orders?vendorId=" + kiez.vendorId, adminToken()).json();
        JsonNode groceries = api.get("/api/v1/admin/orders?customerId=" + ada + "&category=grocery&status=PENDING_PAYMENT"
                + "&from=" + Instant.now().minusSeconds(600), adminToken()).json();

        assertThat(byCustomer.path("total").asLong()).isEqualTo(2);
        assertThat(byVendor.path("items").get(0).path("vendorName").asString()).isEqualTo("Kiez Markt");
        assertThat(groceries.path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/orders", customerToken(ada)).status()).isEqualTo(403);
    }

    @Test
    void theStatsCountActiveOrdersAndOrdersPerMinute() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        place(luigi, UUID.randomUUID());

        Response stats = api.get("/api/v1/admin/orders/stats", adminToken());

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().path("activeByStatus").path("PENDING_PAYMENT").asLong()).isPositive();
        assertThat(stats.json().path("activeByStatus").has("DELIVERED")).isFalse();
        assertThat(stats.json().path("perMinute").size()).isEqualTo(15);
        JsonNode thisMinute = stats.json().path("perMinute").get(14);
        assertThat(thisMinute.path("orders").asLong()).isPositive();
        assertThat(api.get("/api/v1/admin/orders/stats", vendorToken(luigi.ownerId)).status()).isEqualTo(403);
    }

    @Test
    void anAdminForceCancelsWithAReason() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);

        Response cancelled = api.post("/api/v1/admin/orders/" + orderId + "/cancel",
                Map.of("reason", "suspected fraud"), adminToken());
        Response notAdmin = api.post("/api/v1/admin/orders/" + orderId + "/cancel", Map.of("reason", "x"),
                customerToken(ada));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        JsonNode last = cancelled.json().path("timeline").get(cancelled.json().path("timeline").size() - 1);
        assertThat(last.path("role").asString()).isEqualTo("ADMIN");
        assertThat(last.path("reason").asString()).isEqualTo("suspected fraud");
        assertThat(notAdmin.status()).isEqualTo(403);
    }

    private void assignDriver(String orderId, UUID driverId, UUID customerId, VendorStub vendor) {
        publish(Topics.DRIVER_ASSIGNED, EventEnvelope.of(new DriverAssigned(UUID.fromString(orderId), driverId,
                "Tom Becker", "BICYCLE", customerId, vendor.vendorId), "driver", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/orders/" + orderId, customerToken(customerId)).json().path("driver").path("id").asString())
                .isEqualTo(driverId.toString()));
    }
}
