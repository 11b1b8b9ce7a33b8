package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.ApiClient;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** The business metrics the dashboards and alerts in deployment/monitoring are built on. */
class OrderMetricsIT extends OrderServiceTestBase {

    /** Actuator answers on the management port only. */
    @LocalManagementPort
    int managementPort;

    @Test
    void placingAnOrderCountsItAndShowsItAsActive() {
        double createdBefore = metric("orders_placed_total\\{application=\"order-service\"[^}]*}");

        assertThat(place(VendorStub.pizzeria().quotes(), UUID.randomUUID()).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metric("orders_placed_total\\{application=\"order-service\"[^}]*}"))
                    .as(() -> scrape().lines().filter(l -> l.startsWith("orders_")).toList().toString())
                    .isEqualTo(createdBefore + 1);
            assertThat(metric("orders_active\\{application=\"order-service\",status=\"PENDING_PAYMENT\"}")).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void theOrderGatewayReportsItsConnections() {
        assertThat(scrape()).containsPattern("socketio_connections\\{application=\"order-service\",gateway=\"order\"} ");
    }

    private double metric(String seriesPattern) {
        Matcher value = Pattern.compile("(?m)^" + seriesPattern + " ([0-9.E+-]+)$").matcher(scrape());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private String scrape() {
        return ApiClient.onPort(managementPort).get("/actuator/prometheus", null).body();
    }
}
