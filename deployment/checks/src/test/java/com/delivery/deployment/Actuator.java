package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actuator paths the services really serve, from the shared defaults in libs/service-kit (and any service's
 * own override). The probes are Spring Boot's liveness and readiness health groups on the application port
 * ({@code /livez}, {@code /readyz}, switched on by {@code management.endpoint.health.probes.add-additional-paths});
 * the actuator itself ({@code /actuator/prometheus}, {@code /actuator/health}) answers only on each service's
 * management port ({@code management.server.port}), which Prometheus scrapes and no Ingress routes.
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

    /** The liveness probe on the application port. */
    static String liveness() {
        return probePath("liveness", "/livez");
    }

    /** The readiness probe on the application port. */
    static String readiness() {
        return probePath("readiness", "/readyz");
    }

    /** Served on the management port only. */
    static String prometheus() {
        return basePath() + Architecture.PROMETHEUS;
    }

    /** Spring Boot's path of a probe group on the main server: {@code /livez}, {@code /readyz} unless configured. */
    private static String probePath(String group, String bootDefault) {
        String path = bootDefault;
        for (Map<String, Object> config : configs()) {
            String configured = Y.str(config, "management", "endpoint", "health", "group", group, "additional-path");
            if (configured != null) {
                path = configured.startsWith("server:") ? configured.substring("server:".length()) : configured;
            }
        }
        return path;
    }

    /**
     * Fails unless the probes are switched on and served on the application port, and every service moves the
     * actuator (prometheus, the health tree) to a management port of its own: the ports the Ingress routes to (and
     * the public REST port in general) must never answer {@code /actuator/prometheus}.
     */
    static void assertProbesOnApplicationPortAndActuatorOnManagementPort() {
        Map<String, Object> kit = Repo.yaml(KIT_DEFAULTS);
        assertThat(Y.get(kit, "management", "endpoint", "health", "probes", "enabled"))
                .as("health probes (liveness/readiness groups) enabled in %s", KIT_DEFAULTS).isEqualTo(true);
        assertThat(Y.get(kit, "management", "endpoint", "health", "probes", "add-additional-paths"))
                .as("the probes also on the application port (/livez, /readyz) in %s", KIT_DEFAULTS).isEqualTo(true);
        assertThat(String.valueOf(Y.get(kit, "management", "endpoints", "web", "exposure", "include")))
                .as("exposed actuator endpoints").contains("health").contains("prometheus");
        assertThat(Y.get(kit, "management", "server", "port"))
                .as("the management port is per service (application.yml), not shared in %s", KIT_DEFAULTS).isNull();
        List<String> problems = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (Architecture.Service s : Architecture.SERVICES) {
            taken.add(s.port());
            if (s.socketPort() != null) {
                taken.add(s.socketPort());
            }
        }
        for (Architecture.Service s : Architecture.SERVICES) {
            Integer management = s.configuredManagementPort();
            if (management == null) {
                problems.add(s.fullName() + ": application.yml lacks management.server.port: ${MANAGEMENT_PORT:"
                        + s.managementPort() + "} (without it /actuator/prometheus answers on the REST port)");
            } else if (management != s.managementPort()) {
                problems.add(s.fullName() + ": management port " + management + ", the scheme says REST port + "
                        + Architecture.MANAGEMENT_PORT_OFFSET + " = " + s.managementPort());
            } else if (!taken.add(management)) {
                problems.add(s.fullName() + ": management port " + management + " is another port of the platform");
            }
        }
        assertThat(problems).as("actuator only on each service's own management port").isEmpty();
    }

    /** The health contributors every pod of a service shares: never a reason to take one pod out of its Service. */
    static final List<String> SHARED_DEPENDENCIES = List.of("db", "redis", "kafka", "mongo", "elasticsearch");

    /**
     * Fails when the readiness or liveness group (in the kit's defaults or any service's own configuration) includes
     * a shared dependency: with the broker or a store down, every pod would leave its Service at once (or be
     * restarted in a loop), turning a blip into an outage.
     */
    static void assertProbesIgnoreSharedDependencies() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> config : configs()) {
            for (String group : List.of("liveness", "readiness")) {
                Object include = Y.get(config, "management", "endpoint", "health", "group", group, "include");
                if (include == null) {
                    continue;
                }
                for (String member : String.valueOf(include).replaceAll("[\\[\\]\\s]", "").split(",")) {
                    if (SHARED_DEPENDENCIES.contains(member)) {
                        problems.add(group + " includes " + member);
                    }
                }
            }
        }
        assertThat(problems).as("probe groups that follow shared dependencies").isEmpty();
    }

    private static List<Map<String, Object>> configs() {
        List<Map<String, Object>> configs = new ArrayList<>();
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
