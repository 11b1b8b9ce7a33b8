package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.Events;
import com.delivery.driver.support.Places;
import com.delivery.driver.support.TestDriver;
import com.delivery.events.DriverLocationUpdated;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Online drivers in Redis GEO with a heartbeat; silent ones are pruned. */
class PresenceIT extends DriverServiceTestBase {

    @Test
    void aDriverWhoseAppFallsSilentIsPrunedAndTheShiftEndsAtTheLastSignOfLife() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post(driver.path() + "/location", Map.of("lat", here.lat(), "lng", here.lng()),
                driver.token()).status()).isEqualTo(204);

        clock.advance(HEARTBEAT_TTL.plusSeconds(1));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(driver(driver).json().path("online").asBoolean()).isFalse();
            assertThat(redis.opsForGeo().position("drivers:geo", driver.id().toString()).getFirst()).isNull();
        });
        assertThat(redis.hasKey("drivers:heartbeat:" + driver.id())).isFalse();
        assertThat(nearbyIds(here, 1)).doesNotContain(driver.id().toString());
        Response stats = api.get(driver.path() + "/stats", driver.token());
        assertThat(stats.json().path("onlineSeconds").asLong()).as("online until the last location, 5 min")
                .isBetween(300L, 310L);
    }

    @Test
    void aHeartbeatKeyThatExpiredInRedisAlsoGetsTheDriverPruned() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();
        assertThat(nearbyIds(here, 1)).contains(driver.id().toString());

        redis.delete("drivers:heartbeat:" + driver.id());

        assertThat(nearbyIds(here, 1)).as("filtered at query time at once").doesNotContain(driver.id().toString());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(driver(driver).json().path("online").asBoolean()).isFalse());
        assertThat(redis.opsForZSet().score("drivers:geo", driver.id().toString())).isNull();
    }

    @Test
    void aPrunedDriverMustGoOnlineAgainBeforeLocationsCount() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();
        redis.delete("drivers:heartbeat:" + driver.id());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(driver(driver).json().path("online").asBoolean()).isFalse());

        Response location = api.post(driver.path() + "/location", Map.of("lat", here.lat(), "lng", here.lng()),
                driver.token());

        assertThat(location.status()).isEqualTo(409);
        assertThat(location.text("type")).isEqualTo("/problems/not-online");
        assertThat(goOnline(driver, here).status()).isEqualTo(200);
        assertThat(nearbyIds(here, 1)).contains(driver.id().toString());
    }

    @Test
    void anOnlineDriverLostByRedisIsPutBackByTheirNextLocation() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();
        // Redis restarted empty: the presence index knows nothing, PostgreSQL still says online
        redis.opsForZSet().remove("drivers:geo", driver.id().toString());
        redis.delete("drivers:heartbeat:" + driver.id());
        assertThat(nearbyIds(here, 1)).doesNotContain(driver.id().toString());

        Response location = api.post(driver.path() + "/location", Map.of("lat", here.lat(), "lng", here.lng()),
                driver.token());

        assertThat(location.status()).as(location.toString()).isEqualTo(204);
        assertThat(nearbyIds(here, 1)).contains(driver.id().toString());
        assertThat(driver(driver).json().path("online").asBoolean()).isTrue();
    }

    @Test
    void locationUpdatesMoveTheDriverAndKeepThemOnline() {
        GeoPosition start = Places.somewhereRemote();
        GeoPosition later = Places.offset(start, 3000, 0);
        TestDriver driver = aDriver().onlineAt(start).create();

        clock.advance(HEARTBEAT_TTL.minusMinutes(1));
        assertThat(api.post(driver.path() + "/location", Map.of("lat", later.lat(), "lng", later.lng()),
                driver.token()).status()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(2));

        assertThat(nearbyIds(start, 1)).doesNotContain(driver.id().toString());
        Response around = nearby(later, 1);
        assertThat(around.json().get(0).path("driverId").asString()).isEqualTo(driver.id().toString());
        assertThat(around.json().get(0).path("distanceKm").asDouble()).isLessThan(0.01);
        assertThat(driver(driver).json().path("online").asBoolean()).as("not pruned").isTrue();
    }

    @Test
    void locationEventsFromTrackingRefreshTheDriverButOldFixesDoNot() {
        GeoPosition start = Places.somewhereRemote();
        GeoPosition moved = Places.offset(start, 0, 2500);
        TestDriver driver = aDriver().onlineAt(start).create();

        publish(Topics.DRIVER_LOCATION_UPDATED, location(driver, moved, clock.instant()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(nearbyIds(moved, 0.5)).contains(driver.id().toString()));

        GeoPosition stale = Places.offset(start, 0, -2500);
        publish(Topics.DRIVER_LOCATION_UPDATED, location(driver, stale, clock.instant().minusSeconds(30)));
        GeoPosition further = Places.offset(start, 0, 5000);
        publish(Topics.DRIVER_LOCATION_UPDATED, location(driver, further, clock.instant()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(nearbyIds(further, 0.5)).contains(driver.id().toString()));
        assertThat(nearbyIds(stale, 0.5)).as("an older fix does not move the driver back")
                .doesNotContain(driver.id().toString());
    }

    @Test
    void locationEventsOfOfflineDriversAreIgnored() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver online = aDriver().onlineAt(Places.offset(here, 0, 100)).create();
        TestDriver offline = aDriver().approved().create();

        publish(Topics.DRIVER_LOCATION_UPDATED, location(offline, here, clock.instant()));
        publish(Topics.DRIVER_LOCATION_UPDATED, location(online, here, clock.instant()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(nearbyIds(here, 0.05)).contains(online.id().toString()));
        assertThat(nearbyIds(here, 5)).doesNotContain(offline.id().toString());
    }

    @Test
    void onlyTheDriverReportsTheirLocation() {
        GeoPosition here = Places.somewhereRemote();
        TestDriver driver = aDriver().onlineAt(here).create();

        assertThat(api.post(driver.path() + "/location", Map.of("lat", 1, "lng", 1), adminToken()).status())
                .isEqualTo(403);
        assertThat(api.post(driver.path() + "/location", Map.of("lat", 1, "lng", 1), null).status()).isEqualTo(401);
        assertThat(api.post(driver.path() + "/location", Map.of("lat", 1, "lng", 200), driver.token()).status())
                .isEqualTo(400);
        UUID unknown = UUID.randomUUID();
        assertThat(api.post("/api/v1/drivers/" + unknown + "/location", Map.of("lat", 1, "lng", 1),
                TestTokens.token(unknown, "DRIVER")).status()).isEqualTo(404);
    }

    private static EventEnvelope<DriverLocationUpdated> location(TestDriver driver,
            GeoPosition at, Instant recordedAt) {
        return Events.envelope(UUID.randomUUID(), Instant.now(), "tracking", "loc-" + driver.id(),
                new DriverLocationUpdated(driver.id(), null, at.lat(), at.lng(), 90.0, 5.0, recordedAt));
    }
}
