package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.support.TestDriver;
import com.delivery.testsupport.ApiClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by the fuzz test (issue 14): latitudes beyond ±85.05112878° are valid WGS84 but Redis GEO cannot index
 * them, and every such request was a 500. Now going online or reporting there is a 400 naming {@code lat}, and
 * nobody is ever near such a point. A name of blanks only was accepted and stored as "".
 */
class DriverInputIT extends DriverServiceTestBase {

    @Test
    void aNameOfBlanksIsRefusedNotStoredEmpty() {
        TestDriver driver = aDriver().create();

        Response update = api.put(driver.path(), Map.of("fullName", " \t\n"), driver.token());

        assertThat(update.status()).as(update.body()).isEqualTo(400);
        assertThat(update.json().path("errors").get(0).path("field").asString()).isEqualTo("fullName");
        assertThat(driver(driver).text("fullName")).isNotBlank();
    }

    @Test
    void aDriverCannotBeLocatedInThePolarRegions() {
        TestDriver driver = aDriver().approved().create();

        Response online = goOnline(driver, new GeoPosition(86, 13));
        assertThat(online.status()).as(online.body()).isEqualTo(400);
        assertThat(online.json().path("errors").get(0).path("field").asString()).isEqualTo("lat");

        assertThat(goOnline(driver, new GeoPosition(-85.05, 13)).status()).isEqualTo(200);
        Response location = api.post(driver.path() + "/location", Map.of("lat", -89.5, "lng", 13), driver.token());
        assertThat(location.status()).as(location.body()).isEqualTo(400);
        assertThat(location.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nobodyIsNearAPointInThePolarRegions() {
        Response nearby = api.get("/api/v1/drivers/nearby?lat=86&lng=13&radiusKm=5", adminToken());

        assertThat(nearby.status()).as(nearby.body()).isEqualTo(200);
        assertThat(nearby.json().size()).isZero();
    }
}
