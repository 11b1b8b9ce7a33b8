package com.delivery.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Metrics and the actuator are served on the management port only (management.server.port, which the Ingress never
 * routes); the service port keeps only the probes. With a random server port the Spring test support starts the
 * management server on a random port too, here {@link #managementPort}.
 */
class ManagementPortIT extends PaymentIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusAnswersOnTheManagementPortOnly() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);

        Response onServicePort = api.get("/actuator/prometheus", null);
        assertThat(onServicePort.status()).as(onServicePort.toString()).isEqualTo(404);

        Response scrape = ApiClient.onPort(managementPort).get("/actuator/prometheus", null);
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{application=\"payment-service\"")
                // registered for every reason up front, so the first ignored webhook is an increase from 0
                .contains("stripe_webhooks_ignored_total{application=\"payment-service\",reason=\"unknown-payment\"}");
    }

    @Test
    void theActuatorHealthTreeMovedButTheProbesStayOnTheServicePort() {
        ApiClient management = ApiClient.onPort(managementPort);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(404);

        // what the kubelet, Docker's HEALTHCHECK and scripts/fleet.sh ask: anonymous, on the port that serves traffic
        Response readiness = api.get("/readyz", null);
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        // the probes are not rate-limited like other anonymous calls (a 429 on liveness would restart the pod)
        assertThat(readiness.header("X-RateLimit-Remaining")).isNull();
    }
}
