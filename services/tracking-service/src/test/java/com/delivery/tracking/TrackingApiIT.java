package com.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST API: who may read what, the REST twin of location:update, the route of an order. */
class TrackingApiIT extends TrackingServiceTestBase {

    @Test
    void readyAgainstTheLocalMongoDbProtocolServer() {
        // Boot's own MongoDB indicator sends `hello`, which the local server refuses: the fleet never saw us ready
        Response readiness = api.get("/readyz", null);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
    }

    @Test
    void everyEndpointNeedsAToken() {
        UUID id = UUID.randomUUID();
        assertThat(api.get("/api/v1/tracking/orders/" + id, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tracking/orders/" + id + "/route", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tracking/drivers/" + id + "/location", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tracking/drivers/" + id + "/location", fix(null, 52.5, 13.4), null).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/tracking/drivers/nearby?lat=52.5&lng=13.4", null).status()).isEqualTo(401);
    }

    @Test
    void onlyThePartiesOfAnOrderAndAdminsMayTrackIt() {
        TestTrip trip = assigned(newTrip("CAR"));
        String path = "/api/v1/tracking/orders/" + trip.orderId();

        Response stranger = api.get(path, customerToken(UUID.randomUUID()));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.contentType()).contains("application/problem+json");
        assertThat(api.get(path + "/route", customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(path, driverToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(path, vendorToken(UUID.randomUUID())).status()).isEqualTo(403);

        assertThat(api.get(path, customerToken(trip.customerId())).status()).isEqualTo(200);
        assertThat(api.get(path, driverToken(trip.driverId())).status()).isEqualTo(200);
        assertThat(api.get(path + "/route", adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tracking/orders/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
    }

    @Test
    void aDriversLocationIsForThemselvesAndAdmins() {
        UUID driver = UUID.randomUUID();
        String path = "/api/v1/tracking/drivers/" + driver + "/location";
        assertThat(api.get(path, driverToken(driver)).status()).as("nothing reported yet").isEqualTo(404);
        assertThat(api.post(path, fix(null, 52.52, 13.40), driverToken(driver)).status()).isEqualTo(200);

        JsonNode mine = api.get(path, driverToken(driver)).json();
        assertThat(mine.path("lat").asDouble()).isEqualTo(52.52);
        assertThat(mine.path("stale").asBoolean()).isFalse();
        assertThat(mine.path("orderId").isNull()).isTrue();
        assertThat(api.get(path, adminToken()).status()).isEqualTo(200);
        assertThat(api.get(path, driverToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(path, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
    }

    @Test
    void reportingOverRestFollowsTheSameRulesAsTheSocket() {
        TestTrip trip = assigned(newTrip("CAR"));
        UUID driver = trip.driverId();
        String path = "/api/v1/tracking/drivers/" + driver + "/location";

        // for someone else, or as someone who is not a driver: 403
        assertThat(api.post(path, fix(null, 52.5, 13.4), driverToken(UUID.randomUUID())).status()).isEqualTo(403);
        Response customer = api.post("/api/v1/tracking/drivers/" + trip.customerId() + "/location",
                fix(null, 52.5, 13.4), customerToken(trip.customerId()));
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.text("type")).isEqualTo("/problems/not-a-driver");
        UUID otherDriver = UUID.randomUUID();
        Response notAssigned = api.post("/api/v1/tracking/drivers/" + otherDriver + "/location",
                fix(trip.orderId(), 52.5, 13.4), driverToken(otherDriver));
        assertThat(notAssigned.status()).isEqualTo(403);
        assertThat(notAssigned.text("type")).isEqualTo("/problems/not-assigned");

        // missing fields 400, unbelievable ones 422 with the reason
        Response missing = api.post(path, Map.of("lng", 13.4, "ts", clock.millis()), driverToken(driver));
        assertThat(missing.status()).isEqualTo(400);
        Response badLat = api.post(path, with(fix(null, 52.5, 13.4), "lat", -91.0), driverToken(driver));
        assertThat(badLat.status()).isEqualTo(422);
        assertThat(badLat.text("type")).isEqualTo("/problems/invalid-location");
        Response poor = api.post(path, with(fix(null, 52.5, 13.4), "accuracy", 500.0), driverToken(driver));
        assertThat(poor.text("type")).isEqualTo("/problems/poor-accuracy");

        // an ISO timestamp is as good as epoch milliseconds
        Response accepted = api.post(path, with(fix(trip.orderId(), 52.5, 13.4), "ts", clock.instant().toString()),
                driverToken(driver));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.text("orderId")).isEqualTo(trip.orderId().toString());
        Response older = api.post(path, with(fix(trip.orderId(), 52.5, 13.4), "ts",
                clock.millis() - 60_000), driverToken(driver));
        assertThat(older.status()).isEqualTo(422);
        assertThat(older.text("type")).isEqualTo("/problems/out-of-order");
    }

    @Test
    void theRouteOfAnOrderIsItsFixesInTimeOrder() {
        TestTrip trip = newTrip("BICYCLE");
        String path = "/api/v1/tracking/drivers/" + trip.driverId() + "/location";
        // a fix while idle is the driver's, not the order's
        assertThat(api.post(path, fix(null, 52.480, 13.360), driverToken(trip.driverId())).status()).isEqualTo(200);
        assignedAndPickedUp(trip);
        googleAnswers(trip, 300, 1200);
        List<Double> lats = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            double lat = 52.480 + i * 0.0001;
            lats.add(lat);
            Response response = api.post(path, with(fix(trip.orderId(), lat, 13.360), "ts", clock.millis() + i * 1000L),
                    driverToken(trip.driverId()));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }

        JsonNode route = api.get("/api/v1/tracking/orders/" + trip.orderId() + "/route",
                customerToken(trip.customerId())).json();

        assertThat(route.path("orderId").asString()).isEqualTo(trip.orderId().toString());
        List<JsonNode> points = new ArrayList<>();
        route.path("points").forEach(points::add);
        assertThat(points).extracting(p -> p.path("lat").asDouble()).containsExactlyElementsOf(lats);
        assertThat(points).extracting(p -> p.path("ts").asString()).isSorted();
        assertThat(points.getFirst().path("lng").asDouble()).isEqualTo(13.36);
        assertThat(points.getFirst().path("accuracy").asDouble()).isEqualTo(5.0);
    }

    @Test
    void adminsFindDriversNearAPointOthersMayNot() {
        UUID near = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        api.post("/api/v1/tracking/drivers/" + near + "/location", fix(null, -33.8688, 151.2093), driverToken(near));
        api.post("/api/v1/tracking/drivers/" + far + "/location", fix(null, -33.9500, 151.2093), driverToken(far));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response found = api.get("/api/v1/tracking/drivers/nearby?lat=-33.8690&lng=151.2093&radiusMeters=2000",
                    adminToken());
            assertThat(found.status()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            found.json().forEach(node -> ids.add(node.path("driverId").asString()));
            assertThat(ids).contains(near.toString()).doesNotContain(far.toString());
        });
        assertThat(api.get("/api/v1/tracking/drivers/nearby?lat=-33.8690&lng=151.2093", customerToken(UUID.randomUUID()))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tracking/drivers/nearby?lat=-95&lng=151.2093", adminToken()).status()).isEqualTo(400);
    }
}
