package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import com.delivery.driver.support.TestOrder;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** A driver's numbers, the fleet's numbers, and customers rating their driver. */
class StatsAndRatingsIT extends DriverServiceTestBase {

    @Test
    void statsCountDeliveriesCancellationsAcceptanceAndRating() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();

        TestOrder declined = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(driver, declined);
        decline(driver, declined);

        TestOrder delivered = assignedOrder(driver, vendor);
        publish(Topics.ORDER_DELIVERED, aDelivery().of(delivered).by(driver).event());
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver(driver).json().path("busy").asBoolean()).isFalse());
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.post(driver.path() + "/ratings",
                rating(delivered.orderId(), 4), customerToken(delivered.customerId())).status()).isEqualTo(201));

        TestOrder cancelled = assignedOrder(driver, vendor);
        publish(Topics.ORDER_CANCELLED, cancellation(cancelled, driver.id()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver(driver).json().path("busy").asBoolean()).isFalse());

        TestOrder expired = anOrder().pickupAt(vendor).confirmed();
        awaitOffer(driver, expired);
        clock.advance(OFFER_TIMEOUT.plusSeconds(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT status FROM offers WHERE order_id = ?", String.class, expired.orderId())).isEqualTo("EXPIRED"));

        Response stats = api.get(driver.path() + "/stats", driver.token());

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().path("deliveries").asLong()).isEqualTo(1);
        assertThat(stats.json().path("cancellations").asLong()).isEqualTo(1);
        assertThat(stats.json().path("offersReceived").asLong()).isEqualTo(4);
        assertThat(stats.json().path("offersAccepted").asLong()).isEqualTo(2);
        assertThat(stats.json().path("acceptanceRate").asDouble()).isEqualTo(0.5);
        assertThat(stats.json().path("rating").path("average").asDouble()).isEqualTo(4.0);
        assertThat(stats.json().path("rating").path("count").asLong()).isEqualTo(1);
        assertThat(driver(driver).json().path("deliveries").asLong()).isEqualTo(1);
    }

    @Test
    void timeOnlineIsTheSumOfShiftsIncludingTheCurrentOne() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();
        clock.advance(Duration.ofMinutes(6));
        goOffline(driver);
        clock.advance(Duration.ofHours(1));
        goOnline(driver, here);
        clock.advance(Duration.ofMinutes(3));

        long whileOnline = api.get(driver.path() + "/stats", driver.token()).json().path("onlineSeconds").asLong();
        goOffline(driver);
        Response stats = api.get(driver.path() + "/stats", driver.token());

        assertThat(whileOnline).isBetween(540L, 560L);
        assertThat(stats.json().path("onlineSeconds").asLong()).isBetween(540L, 560L);
        assertThat(stats.json().path("onlineHours").asDouble()).isBetween(0.15, 0.16);
        JsonNode days = api.get(driver.path() + "/earnings?from=" + today().minusDays(1) + "&to=" + today(),
                driver.token()).json().path("days");
        assertThat(days.valueStream().mapToLong(d -> d.path("onlineSeconds").asLong()).sum())
                .as("shifts in the daily breakdown").isBetween(540L, 560L);
        assertThat(mongo.count(Query.query(Criteria.where("driverId").is(driver.id().toString())), "shifts"))
                .as("one document per shift").isEqualTo(2);
    }

    @Test
    void statsAreForTheDriverAndAdminsOnly() {
        TestDriver driver = aDriver().approved().create();

        assertThat(api.get(driver.path() + "/stats", aDriver().create().token()).status()).isEqualTo(403);
        assertThat(api.get(driver.path() + "/stats", null).status()).isEqualTo(401);
        assertThat(api.get(driver.path() + "/stats", adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/drivers/" + UUID.randomUUID() + "/stats", adminToken()).status()).isEqualTo(404);
        assertThat(api.get(driver.path() + "/stats", driver.token()).json().path("acceptanceRate").isNull())
                .as("no offers yet").isTrue();
    }

    @Test
    void theFleetNumbersFollowRegistrationsAndAssignments() {
        Map<String, Long> before = fleet();
        GeoPosition vendor = Places.somewhereRemote();
        aDriver().create();
        TestDriver driver = aDriver().onlineAt(vendor).create();

        Map<String, Long> online = fleet();
        assignedOrder(driver, vendor);
        Map<String, Long> assigned = fleet();

        assertThat(online.get("pending")).isEqualTo(before.get("pending") + 1);
        assertThat(online.get("online")).isGreaterThanOrEqualTo(1);
        assertThat(online.get("available")).isGreaterThanOrEqualTo(1);
        assertThat(assigned.get("busy")).isEqualTo(online.get("busy") + 1);
    }

    // ---- ratings -----------------------------------------------------------------------------------------------

    @Test
    void theCustomerOfADeliveredOrderRatesTheDriverOnce() {
        TestDriver driver = aDriver().approved().create();
        UUID customer = UUID.randomUUID();
        EventEnvelope<OrderDelivered> delivered = deliveredTo(driver, customer);

        Response first = api.post(driver.path() + "/ratings", rating(delivered.payload().orderId(), 5),
                customerToken(customer));
        Response second = api.post(driver.path() + "/ratings", rating(delivered.payload().orderId(), 1),
                customerToken(customer));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("stars").asInt()).isEqualTo(5);
        assertThat(first.json().path("driverRating").path("average").asDouble()).isEqualTo(5.0);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("/problems/already-rated");
        assertThat(driver(driver).json().path("rating").path("average").asDouble()).isEqualTo(5.0);
    }

    @Test
    void onlyTheCustomerOfTheOrderMayRateItsDriver() {
        TestDriver driver = aDriver().approved().create();
        UUID customer = UUID.randomUUID();
        UUID orderId = deliveredTo(driver, customer).payload().orderId();

        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 5), customerToken(UUID.randomUUID()))
                .status()).as("another customer").isEqualTo(403);
        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 5), driver.token()).status())
                .as("the driver").isEqualTo(403);
        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 5), vendorToken()).status()).isEqualTo(403);
        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 5), null).status()).isEqualTo(401);
        TestDriver otherDriver = aDriver().approved().create();
        assertThat(api.post(otherDriver.path() + "/ratings", rating(orderId, 5), customerToken(customer)).status())
                .as("a driver who did not deliver it").isEqualTo(404);
        assertThat(api.post(driver.path() + "/ratings", rating(UUID.randomUUID(), 5), customerToken(customer))
                .status()).as("an unknown order").isEqualTo(404);
    }

    @Test
    void starsGoFromOneToFive() {
        TestDriver driver = aDriver().approved().create();
        UUID customer = UUID.randomUUID();
        UUID orderId = deliveredTo(driver, customer).payload().orderId();

        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 0), customerToken(customer)).status())
                .isEqualTo(400);
        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 6), customerToken(customer)).status())
                .isEqualTo(400);
        assertThat(api.post(driver.path() + "/ratings", Map.of("stars", 3), customerToken(customer)).status())
                .isEqualTo(400);
        assertThat(api.post(driver.path() + "/ratings", rating(orderId, 1), customerToken(customer)).status())
                .isEqualTo(201);
    }

    @Test
    void anOrderStillOnItsWayCannotBeRatedYet() {
        GeoPosition vendor = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(vendor).create();
        TestOrder order = assignedOrder(driver, vendor);

        Response early = api.post(driver.path() + "/ratings", rating(order.orderId(), 5),
                customerToken(order.customerId()));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("type")).isEqualTo("/problems/not-delivered");
    }

    @Test
    void twoRatingsOfTheSameOrderAtOnceCountOnce() throws Exception {
        TestDriver driver = aDriver().approved().create();
        UUID customer = UUID.randomUUID();
        UUID orderId = deliveredTo(driver, customer).payload().orderId();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);

        List<CompletableFuture<Integer>> attempts = List.of(4, 2, 5).stream()
                .map(stars -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post(driver.path() + "/ratings", rating(orderId, stars), customerToken(customer))
                            .status();
                }, threads)).toList();
        go.countDown();

        assertThat(attempts.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(201, 409, 409);
        threads.shutdown();
        assertThat(driver(driver).json().path("rating").path("count").asLong()).isEqualTo(1);
    }

    private EventEnvelope<OrderDelivered> deliveredTo(TestDriver driver, UUID customer) {
        EventEnvelope<OrderDelivered> delivered = aDelivery().by(driver).forCustomer(customer).event();
        publish(Topics.ORDER_DELIVERED, delivered);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM assignments WHERE order_id = ? AND status = 'DELIVERED'", Long.class,
                delivered.payload().orderId())).isEqualTo(1));
        return delivered;
    }

    private Map<String, Long> fleet() {
        JsonNode stats = api.get("/api/v1/admin/drivers/stats", adminToken()).json();
        return Map.of("online", stats.path("online").asLong(), "busy", stats.path("busy").asLong(),
                "available", stats.path("available").asLong(), "pending", stats.path("pending").asLong());
    }
}
