package com.delivery.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.driver.support.Places;
import com.delivery.testsupport.ApiClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** The fleet gauges the dashboards and alerts in deployment/monitoring are built on. */
class DriverMetricsIT extends DriverServiceTestBase {

    /** Actuator answers on the management port only. */
    @LocalManagementPort
    int managementPort;

    @Test
    void aDriverGoingOnlineIsCountedAsOnline() {
        double before = onlineGauge();

        aDriver().onlineAt(Places.somewhereRemote()).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(onlineGauge()).isGreaterThan(before));
    }

    private double onlineGauge() {
        String scrape = ApiClient.onPort(managementPort).get("/actuator/prometheus", null).body();
        Matcher value = Pattern.compile("(?m)^drivers_online\\{application=\"driver-service\"} ([0-9.E+-]+)$").matcher(scrape);
        assertThat(value.find()).as("drivers_online is exported").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
