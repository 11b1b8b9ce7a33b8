package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The actuator paths the services really serve, from the shared defaults in libs/service-kit (and any service's
 * own override): base path, health probes switched on, health and prometheus exposed, no separate management port.
 */
final class Actuator {

    static final String KIT_DEFAULTS = "libs/service-kit/src/main/resources/kit-defaults.yml";

    private Actuator() {
    }

    static String basePath() {
        String base = "/actuator";
        for (Map<String, Object> config : configs()) {
            String configured = Y.str(config, "management", "endpoints", "web", "base-path");
            if (configured != null) {
                base = configured;
            }
        }
        return base;
    }

    static String liveness() {
        return basePath() + Architecture.LIVENESS;
    }

    static String readiness() {
        return basePath() + Architecture.READINESS;
    }

    static String prometheus() {
        return basePath() + Architecture.PROMETHEUS;
    }

    /** Fails unless probes and the prometheus endpoint are switched on and served on the application port. */
    static void assertServedOnApplicationPort() {
        Map<String, Object> kit = Repo.yaml(KIT_DEFAULTS);
        assertThat(Y.get(kit, "management", "endpoint", "health", "probes", "enabled"))
                .as("health probes (liveness/readiness groups) enabled in %s", KIT_DEFAULTS).isEqualTo(true);
        assertThat(String.valueOf(Y.get(kit, "management", "endpoints", "web", "exposure", "include")))
                .as("exposed actuator endpoints").contains("health").contains("prometheus");
        for (Map<String, Object> config : configs()) {
            assertThat(Y.get(config, "management", "server", "port"))
                    .as("a separate management port would move the probes away from the 'http' port").isNull();
        }
    }

    private static List<Map<String, Object>> configs() {
        java.util.ArrayList<Map<String, Object>> configs = new java.util.ArrayList<>();
        configs.add(Repo.yaml(KIT_DEFAULTS));
        for (Architecture.Service s : Architecture.SERVICES) {
            String file = s.dir() + "/src/main/resources/application.yml";
            if (Repo.exists(file)) {
                Map<String, Object> yml = Repo.yaml(file);
                if (yml != null) {
                    configs.add(yml);
                }
            }
        }
        return configs;
    }
}
