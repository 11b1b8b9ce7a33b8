package com.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Found by the fuzz test (issue 14): latitudes beyond ±85.05112878° are valid WGS84 but Redis GEO cannot index
 * them, and a report or a nearby search there was a 500. Now a report there is refused by the tracking rules (422)
 * and nobody is ever near such a point.
 */
class PolarPositionIT extends TrackingServiceTestBase {

    @Test
    void aReportFromThePolarRegionsIsRefusedNotACrash() {
        UUID driver = UUID.randomUUID();

        Response report = api.post("/api/v1/tracking/drivers/" + driver + "/location", fix(null, -86.7, -175.2),
                driverToken(driver));

        assertThat(report.status()).as(report.body()).isEqualTo(422);
        assertThat(report.text("type")).isEqualTo("/problems/invalid-location");
    }

    @Test
    void nobodyIsNearAPointInThePolarRegions() {
        Response nearby = api.get("/api/v1/tracking/drivers/nearby?lat=-87.57&lng=-175.08", adminToken());

        assertThat(nearby.status()).as(nearby.body()).isEqualTo(200);
        assertThat(nearby.json().size()).isZero();
    }
}
