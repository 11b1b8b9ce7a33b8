package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Available drivers near a point, for admins. */
class NearbySearchIT extends DriverServiceTestBase {

    @Test
    void listsOnlyAvailableDriversNearestFirstThenByRatingThenByDeliveries() {
        GeoPosition vendor = Places.somewhereRemote();
        GeoPosition busyAt = Places.offset(vendor, 500, 0);
        TestDriver busy = aDriver().onlineAt(busyAt).create();
        assignedOrder(busy, busyAt);

        TestDriver nearButPoorlyRated = aDriver().onlineAt(Places.offset(vendor, 310, 0)).create();
        TestDriver slightlyFurtherAndTopRated = aDriver().onlineAt(Places.offset(vendor, 360, 0)).create();
        TestDriver newcomer = aDriver().onlineAt(Places.offset(vendor, 1010, 0)).create();
        TestDriver experienced = aDriver().onlineAt(Places.offset(vendor, 1080, 0)).create();
        TestDriver van = aDriver().riding("VAN").onlineAt(Places.offset(vendor, 2000, 0)).create();
        TestDriver wentOffline = aDriver().onlineAt(Places.offset(vendor, 700, 0)).create();
        goOffline(wentOffline);
        TestDriver silent = aDriver().onlineAt(Places.offset(vendor, 800, 0)).create();
        redis.delete("drivers:heartbeat:" + silent.id());
        TestDriver farAway = aDriver().onlineAt(Places.offset(vendor, 4000, 0)).create();

        deliverAndRate(nearButPoorlyRated, 3);
        deliverAndRate(slightlyFurtherAndTopRated, 5);
        deliver(experienced);
        deliver(experienced);

        Response response = nearby(vendor, 3);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().valueStream().map(d -> d.path("driverId").asString())).containsExactly(
                slightlyFurtherAndTopRated.id().toString(), nearButPoorlyRated.id().toString(),
                experienced.id().toString(), newcomer.id().toString(), van.id().toString());
        assertThat(response.json().get(0).path("rating").path("average").asDouble()).isEqualTo(5.0);
        assertThat(response.json().get(0).path("distanceKm").asDouble()).isBetween(0.35, 0.37);
        assertThat(response.json().get(2).path("deliveries").asLong()).isEqualTo(2);
        assertThat(response.json().get(4).path("vehicleType").asString()).isEqualTo("VAN");
        assertThat(nearbyIds(vendor, 5)).contains(farAway.id().toString())
                .doesNotContain(busy.id().toString(), wentOffline.id().toString(), silent.id().toString());
    }

    @Test
    void filtersByVehicleType() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver bike = aDriver().riding("BICYCLE").onlineAt(Places.offset(here, 100, 0)).create();
        TestDriver car = aDriver().riding("CAR").onlineAt(Places.offset(here, 200, 0)).create();

        Response cars = api.get("/api/v1/drivers/nearby?lat=" + here.lat() + "&lng=" + here.lng()
                + "&radiusKm=2&vehicleType=CAR", adminToken());

        assertThat(cars.json().valueStream().map(d -> d.path("driverId").asString()))
                .containsExactly(car.id().toString());
        assertThat(nearbyIds(here, 2)).containsExactly(bike.id().toString(), car.id().toString());
        assertThat(api.get("/api/v1/drivers/nearby?lat=1&lng=1&vehicleType=ROCKET", adminToken()).status())
                .isEqualTo(400);
    }

    @Test
    void nearbySearchIsForAdminsOnly() {
        String path = "/api/v1/drivers/nearby?lat=52.5&lng=13.4&radiusKm=3";

        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, vendorToken()).status()).isEqualTo(403);
        assertThat(api.get(path, customerToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get(path, aDriver().create().token()).status()).isEqualTo(403);
        assertThat(api.get(path, adminToken()).status()).isEqualTo(200);
    }

    @Test
    void nonsenseCoordinatesAndHugeRadiiAreBadRequests() {
        assertThat(api.get("/api/v1/drivers/nearby?lat=95&lng=13.4", adminToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/drivers/nearby?lat=52&lng=13&radiusKm=-1", adminToken()).status()).isEqualTo(400);
        Response huge = api.get("/api/v1/drivers/nearby?lat=52&lng=13&radiusKm=500", adminToken());
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.text("type")).isEqualTo("/problems/radius-too-large");
        assertThat(api.get("/api/v1/drivers/nearby?lng=13", adminToken()).status()).isEqualTo(400);
    }

    private UUID deliver(TestDriver driver) {
        UUID customer = UUID.randomUUID();
        EventEnvelope<OrderDelivered> delivered = aDelivery().by(driver).forCustomer(customer).event();
        publish(Topics.ORDER_DELIVERED, delivered);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM assignments WHERE order_id = ?", Long.class, delivered.payload().orderId()))
                .isEqualTo(1));
        return customer;
    }

    private void deliverAndRate(TestDriver driver, int stars) {
        UUID customer = UUID.randomUUID();
        EventEnvelope<OrderDelivered> delivered = aDelivery().by(driver).forCustomer(customer).event();
        publish(Topics.ORDER_DELIVERED, delivered);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.post(driver.path() + "/ratings",
                rating(delivered.payload().orderId(), stars), customerToken(customer)).status()).isEqualTo(201));
    }
}
