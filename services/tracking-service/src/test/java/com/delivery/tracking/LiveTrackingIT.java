package com.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.TestSocket;
import com.delivery.events.VendorRegistered;
import com.delivery.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drivers stream over Socket.io; the people of the order watch in its room. */
class LiveTrackingIT extends TrackingServiceTestBase {

    @Test
    void theCustomerSeesTheDriverMoveWithAGoogleEta() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("CAR"));
        googleAnswers(trip, 420, 2300);
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();

            long started = System.nanoTime();
            for (double lat : new double[] {52.49, 52.49002, 52.49004}) {
                JsonNode ack = driver.sendLocation(fix(trip.orderId(), lat, 13.37));
                assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
                assertThat(ack.path("orderId").asString()).isEqualTo(trip.orderId().toString());
            }

            await().atMost(WAIT).until(() -> !customer.heard("driver:location").isEmpty());
            Duration firstDelivery = Duration.ofNanos(System.nanoTime() - started);
            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() >= 3
                    && !customer.heard("eta:update").isEmpty());
            JsonNode location = customer.heard("driver:location").getFirst();
            assertThat(location.path("orderId").asString()).isEqualTo(trip.orderId().toString());
            assertThat(location.path("driverId").asString()).isEqualTo(trip.driverId().toString());
            assertThat(location.path("lat").asDouble()).isEqualTo(52.49);
            assertThat(location.path("lng").asDouble()).isEqualTo(13.37);
            assertThat(location.path("heading").asDouble()).isEqualTo(90.0);
            assertThat(location.path("speed").asDouble()).isEqualTo(4.2);
            assertThat(location.path("ts").asString()).isNotBlank();
            assertThat(location.path("stale").asBoolean()).isFalse();
            assertThat(customer.heard("driver:location")).extracting(l -> l.path("lat").asDouble())
                    .containsExactly(52.49, 52.49002, 52.49004);

            await().atMost(WAIT).until(() -> customer.heard("eta:update").stream()
                    .anyMatch(eta -> eta.path("etaSeconds").asLong() == 420));
            JsonNode eta = customer.heard("eta:update").stream()
                    .filter(e -> e.path("etaSeconds").asLong() == 420).findFirst().orElseThrow();
            assertThat(eta.path("orderId").asString()).isEqualTo(trip.orderId().toString());
            assertThat(eta.path("source").asString()).isEqualTo("google");
            assertThat(eta.path("distanceMeters").asLong()).isEqualTo(2300);
            assertThat(firstDelivery).as("from the first emit to the customer").isLessThan(Duration.ofSeconds(5));
        }
        // Google was asked once (the ETA throttle), with the key, traffic-aware, from the driver to the address
        var requests = GOOGLE.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(DISTANCE_MATRIX))
                .withQueryParam("destinations", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        trip.destinationParam())));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().queryParameter("key").firstValue()).isEqualTo("AIzaSyTrackingTestsOnly");
        assertThat(requests.getFirst().queryParameter("origins").firstValue()).isEqualTo("52.49000000,13.37000000");
        assertThat(requests.getFirst().queryParameter("mode").firstValue()).isEqualTo("driving");
        assertThat(requests.getFirst().queryParameter("departure_time").firstValue()).isEqualTo("now");

        // what the customer saw is also what a REST read answers
        JsonNode view = api.get("/api/v1/tracking/orders/" + trip.orderId(), customerToken(trip.customerId())).json();
        assertThat(view.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(view.path("location").path("lat").asDouble()).isEqualTo(52.49004);
        assertThat(view.path("location").path("stale").asBoolean()).isFalse();
        assertThat(view.path("eta").path("source").asString()).isEqualTo("google");
        assertThat(view.path("eta").path("etaSeconds").asLong()).isBetween(400L, 420L);
    }

    @Test
    void theVendorOwnerMayWatchAStrangerMayNotJoinAndHearsNothing() throws Exception {
        TestTrip trip = assigned(newTrip("BICYCLE"));
        UUID owner = UUID.randomUUID();
        publish(new VendorRegistered(trip.vendorId(), owner, "Luigi's Pizzeria", "FOOD"));
        UUID stranger = UUID.randomUUID();
        try (TestSocket vendor = TestSocket.withAuth(SOCKET_PORT, vendorToken(owner)).connected();
                TestSocket intruder = TestSocket.withAuth(SOCKET_PORT, customerToken(stranger)).connected();
                TestSocket otherVendor = TestSocket.withAuth(SOCKET_PORT, vendorToken(UUID.randomUUID())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            await().atMost(WAIT).until(() -> vendor.join(trip.room()).path("ok").asBoolean());
            JsonNode refused = intruder.join(trip.room());
            assertThat(refused.path("ok").asBoolean()).isFalse();
            assertThat(refused.path("error").asString()).isNotBlank();
            assertThat(otherVendor.join(trip.room()).path("ok").asBoolean()).isFalse();
            assertThat(intruder.join("order:" + UUID.randomUUID()).path("ok").asBoolean()).as("unknown order").isFalse();
            assertThat(intruder.join("order:not-a-uuid").path("ok").asBoolean()).isFalse();
            assertThat(intruder.join("driver:" + trip.driverId()).path("ok").asBoolean()).isFalse();
            assertThat(intruder.join("admin").path("ok").asBoolean()).isFalse();

            // assigned, not yet picked up: the location is shared, there is no ETA without a destination
            assertThat(driver.sendLocation(fix(trip.orderId(), 52.51, 13.40)).path("ok").asBoolean()).isTrue();

            await().atMost(WAIT).until(() -> !vendor.heard("driver:location").isEmpty());
            assertThat(intruder.heard).isEmpty();
            assertThat(otherVendor.heard).isEmpty();
            assertThat(vendor.heard("eta:update")).isEmpty();
        }
    }

    @Test
    void theDriverAndAdminsMayJoinTheRoomToo() throws Exception {
        TestTrip trip = assigned(newTrip("SCOOTER"));
        try (TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected();
                TestSocket admin = TestSocket.withQueryToken(SOCKET_PORT, adminToken()).connected()) {
            assertThat(driver.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(admin.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(admin.join("driver:" + trip.driverId()).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void badTokensAreRefusedAtTheHandshake() throws Exception {
        UUID ada = UUID.randomUUID();
        try (TestSocket forged = TestSocket.withAuth(SOCKET_PORT, TestTokens.forgedToken(ada, "CUSTOMER"));
                TestSocket expired = TestSocket.withQueryToken(SOCKET_PORT, TestTokens.expiredToken(ada, "DRIVER"));
                TestSocket garbage = TestSocket.withHeaderToken(SOCKET_PORT, "not-a-jwt")) {
            assertThat(forged.awaitConnected()).isFalse();
            assertThat(expired.awaitConnected()).isFalse();
            assertThat(garbage.awaitConnected()).isFalse();
        }
    }

    @Test
    void aDriverCannotReportForAnOrderTheyAreNotAssignedTo() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("CAR"));
        UUID otherDriver = UUID.randomUUID();
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket impostor = TestSocket.withAuth(SOCKET_PORT, driverToken(otherDriver)).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(impostor.join("driver:" + otherDriver).path("ok").asBoolean()).isTrue();

            JsonNode ack = impostor.sendLocation(fix(trip.orderId(), 52.49, 13.37));

            assertThat(ack.path("ok").asBoolean()).isFalse();
            assertThat(ack.path("code").asString()).isEqualTo("not-assigned");
            await().atMost(WAIT).until(() -> !impostor.heard("location:error").isEmpty());
            assertThat(impostor.heard("location:error").getFirst().path("code").asString()).isEqualTo("not-assigned");
            // nothing stored, nothing broadcast
            assertThat(api.get("/api/v1/tracking/drivers/" + otherDriver + "/location", driverToken(otherDriver))
                    .status()).isEqualTo(404);
            assertThat(customer.heard).isEmpty();
        }
    }

    @Test
    void onlyDriversReportLocations() throws Exception {
        TestTrip trip = assigned(newTrip("CAR"));
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected()) {
            JsonNode ack = customer.sendLocation(fix(trip.orderId(), 52.49, 13.37));

            assertThat(ack.path("ok").asBoolean()).isFalse();
            assertThat(ack.path("code").asString()).isEqualTo("not-a-driver");
        }
    }

    @Test
    void unbelievableUpdatesAreRefusedWithTheReasonAndNotShown() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("CAR"));
        googleAnswers(trip, 300, 1500);
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(driver.join("driver:" + trip.driverId()).path("ok").asBoolean()).isTrue();
            assertThat(driver.sendLocation(fix(trip.orderId(), 52.49, 13.37)).path("ok").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() == 1);

            assertRefused(driver, with(fix(trip.orderId(), 123.0, 13.37), "lat", 123.0), "invalid-location");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "heading", 400.0), "invalid-location");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "speed", -3.0), "invalid-location");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "lat", "north"), "invalid-location");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "ts", "yesterday"), "invalid-location");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "accuracy", 250.0), "poor-accuracy");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "ts",
                    clock.millis() + Duration.ofMinutes(5).toMillis()), "timestamp-in-future");
            assertRefused(driver, with(fix(trip.orderId(), 52.49, 13.37), "ts",
                    clock.millis() - Duration.ofMinutes(10).toMillis()), "timestamp-too-old");
            // 50 km away a moment later
            assertRefused(driver, fix(trip.orderId(), 52.94, 13.37), "impossible-jump");

            await().atMost(WAIT).until(() -> driver.heard("location:error").size() == 9);
            assertThat(driver.heard("location:error")).extracting(e -> e.path("code").asString())
                    .contains("invalid-location", "poor-accuracy", "timestamp-in-future", "timestamp-too-old",
                            "impossible-jump");
            // a good one still goes through after all that
            assertThat(driver.sendLocation(fix(trip.orderId(), 52.49001, 13.37)).path("ok").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() == 2);
            assertThat(customer.heard("driver:location")).extracting(l -> l.path("lat").asDouble())
                    .containsExactly(52.49, 52.49001);
        }
    }

    private static void assertRefused(TestSocket driver, java.util.Map<String, Object> update, String code)
            throws Exception {
        JsonNode ack = driver.sendLocation(update);
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isFalse();
        assertThat(ack.path("code").asString()).as(ack.toString()).isEqualTo(code);
        assertThat(ack.path("error").asString()).isNotBlank();
    }

    @Test
    void aDriverWithoutAnOrderIdIsTrackedOnTheirActiveTrip() throws Exception {
        TestTrip trip = assigned(newTrip("MOTORBIKE"));
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();

            JsonNode ack = driver.sendLocation(fix(null, 52.52, 13.41));

            assertThat(ack.path("ok").asBoolean()).isTrue();
            assertThat(ack.path("orderId").asString()).isEqualTo(trip.orderId().toString());
            await().atMost(WAIT).until(() -> !customer.heard("driver:location").isEmpty());
        }
    }

    @Test
    void theTripEndsOnDeliveryAndLaterUpdatesAreNotBroadcast() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("BICYCLE"));
        googleAnswers(trip, 240, 900);
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(driver.sendLocation(fix(trip.orderId(), 52.49, 13.37)).path("ok").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() == 1
                    && !customer.heard("eta:update").isEmpty());

            delivered(trip);
            JsonNode ack = driver.sendLocation(fix(trip.orderId(), 52.49001, 13.37));
            assertThat(ack.path("ok").asBoolean()).isTrue();
            assertThat(ack.path("tripEnded").asBoolean()).isTrue();
            assertThat(ack.hasNonNull("orderId")).as("not broadcast to any trip").isFalse();
            assertThat(driver.sendLocation(fix(null, 52.49002, 13.37)).hasNonNull("orderId")).isFalse();

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> customer.heard("driver:location").size() == 1);
            assertThat(customer.heard("eta:update")).hasSize(1);
            // the driver's own location still moved on; the order shows no driver location any more
            assertThat(api.get("/api/v1/tracking/drivers/" + trip.driverId() + "/location",
                    driverToken(trip.driverId())).json().path("lat").asDouble()).isEqualTo(52.49002);
            JsonNode view = api.get("/api/v1/tracking/orders/" + trip.orderId(), customerToken(trip.customerId())).json();
            assertThat(view.path("status").asString()).isEqualTo("ENDED");
            assertThat(view.path("endReason").asString()).isEqualTo("DELIVERED");
            assertThat(view.path("location").isNull()).isTrue();
        }
    }

    @Test
    void aDriverGoneSilentIsShownStaleNotHidden() throws Exception {
        TestTrip trip = assignedAndPickedUp(newTrip("CAR"));
        googleAnswers(trip, 600, 4000);
        try (TestSocket customer = TestSocket.withAuth(SOCKET_PORT, customerToken(trip.customerId())).connected();
                TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            assertThat(customer.join(trip.room()).path("ok").asBoolean()).isTrue();
            assertThat(driver.sendLocation(fix(trip.orderId(), 52.49, 13.37)).path("ok").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() == 1);
            assertThat(customer.heard("driver:location").getFirst().path("stale").asBoolean()).isFalse();

            clock.advance(Duration.ofSeconds(31));

            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() == 2);
            JsonNode stale = customer.heard("driver:location").get(1);
            assertThat(stale.path("stale").asBoolean()).isTrue();
            assertThat(stale.path("lat").asDouble()).isEqualTo(52.49);
            assertThat(stale.path("ts").asString()).isEqualTo(customer.heard("driver:location").getFirst()
                    .path("ts").asString());
            JsonNode view = api.get("/api/v1/tracking/orders/" + trip.orderId(), customerToken(trip.customerId())).json();
            assertThat(view.path("location").path("stale").asBoolean()).isTrue();
            assertThat(view.path("location").path("lat").asDouble()).isEqualTo(52.49);
            assertThat(api.get("/api/v1/tracking/drivers/" + trip.driverId() + "/location", driverToken(trip.driverId()))
                    .json().path("stale").asBoolean()).isTrue();
            // reported once, not repeated every check
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> customer.heard("driver:location").size() == 2);

            // the next fix is fresh again
            assertThat(driver.sendLocation(fix(trip.orderId(), 52.49001, 13.37)).path("ok").asBoolean()).isTrue();
            await().atMost(WAIT).until(() -> customer.heard("driver:location").size() == 3);
            assertThat(customer.heard("driver:location").get(2).path("stale").asBoolean()).isFalse();
        }
    }

    @Test
    void aCancelledTripEndsToo() throws Exception {
        TestTrip trip = assigned(newTrip("VAN"));
        cancelled(trip);
        try (TestSocket driver = TestSocket.withAuth(SOCKET_PORT, driverToken(trip.driverId())).connected()) {
            JsonNode ack = driver.sendLocation(fix(trip.orderId(), 52.49, 13.37));
            assertThat(ack.path("tripEnded").asBoolean()).isTrue();
        }
        assertThat(api.get("/api/v1/tracking/orders/" + trip.orderId(), adminToken()).text("endReason"))
                .isEqualTo("CANCELLED");
    }
}
