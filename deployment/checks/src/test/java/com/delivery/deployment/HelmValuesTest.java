package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.deployment.Architecture.Service;
import com.delivery.deployment.Architecture.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Helm chart's values and templates, read as files (no helm binary needed). */
class HelmValuesTest {

    static final String CHART = "deployment/kubernetes/helm/delivery-platform";

    static Map<String, Object> values() {
        return Repo.yaml(CHART + "/values.yaml");
    }

    static Map<String, Object> serviceValues(String name) {
        return Y.map(values(), "services", name);
    }

    static List<Service> services() {
        return Architecture.SERVICES;
    }

    @Test
    void chartHasEveryTemplateTheIssueAsksFor() {
        assertThat(Y.str(Repo.yaml(CHART + "/Chart.yaml"), "apiVersion")).isEqualTo("v2");
        for (String template : List.of("deployment.yaml", "service.yaml", "configmap.yaml", "hpa.yaml", "pdb.yaml",
                "ingress.yaml", "_helpers.tpl")) {
            assertThat(Repo.exists(CHART + "/templates/" + template)).as(template).isTrue();
        }
        String deployment = Repo.text(CHART + "/templates/deployment.yaml");
        assertThat(deployment).contains("livenessProbe:", "readinessProbe:", "startupProbe:", "resources:",
                "securityContext:", "secretKeyRef:", ".Values.probes.livenessPath", ".Values.probes.readinessPath",
                "prometheus.io/port: {{ $svc.managementPort");
        assertThat(Repo.text(CHART + "/templates/servicemonitor.yaml")).as("the ServiceMonitor scrapes the management port")
                .contains("- port: management").doesNotContain("port: http");
        assertThat(Repo.text(CHART + "/templates/hpa.yaml")).contains("kind: HorizontalPodAutoscaler");
        assertThat(Repo.text(CHART + "/templates/pdb.yaml")).contains("kind: PodDisruptionBudget");
        assertThat(Repo.text(CHART + "/templates/ingress.yaml")).contains("kind: Ingress", "/socket.io/");
    }

    @Test
    void valuesHaveExactlyTheSevenServices() {
        assertThat(Y.map(values(), "services").keySet()).containsExactlyInAnyOrderElementsOf(Architecture.names());
    }

    @Test
    void probesPointAtTheActuatorPathsTheServicesServe() {
        Actuator.assertProbesOnApplicationPortAndActuatorOnManagementPort();
        Map<String, Object> probes = Y.map(values(), "probes");
        assertThat(probes.get("livenessPath")).isEqualTo(Actuator.liveness());
        assertThat(probes.get("readinessPath")).isEqualTo(Actuator.readiness());
        assertThat(probes.get("prometheusPath")).isEqualTo(Actuator.prometheus());
        assertThat(probes.get("port")).as("probes test the port that serves traffic").isEqualTo("http");
    }

    @Test
    void aSharedDependencyDownTakesNoPodOutOfItsService() {
        Actuator.assertProbesIgnoreSharedDependencies();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceEntryMatchesTheService(Service s) {
        Map<String, Object> v = serviceValues(s.name());
        assertThat(Y.str(v, "image", "repository")).isEqualTo(s.fullName());
        assertThat(Y.integer(v, "port")).isEqualTo(s.port());
        if (s.configuredPort() != null) {
            assertThat(s.configuredPort()).as("the port in %s's application.yml", s.fullName()).isEqualTo(s.port());
        }
        assertThat(Y.integer(v, "socketPort")).as("Socket.io port").isEqualTo(s.socketPort());
        assertThat(Y.integer(v, "managementPort")).as("management (actuator) port").isEqualTo(s.managementPort());
        assertThat(s.hasSocketGateway()).as("%s has a Socket.io gateway", s.fullName()).isEqualTo(s.socketPort() != null);
        if (s.configuredSocketPort() != null) {
            assertThat(s.configuredSocketPort()).isEqualTo(s.socketPort());
        }
        assertThat(Y.str(v, "resources", "requests", "cpu")).isNotBlank();
        assertThat(Y.str(v, "resources", "requests", "memory")).isNotBlank();
        assertThat(Y.str(v, "resources", "limits", "memory")).isNotBlank();
        assertThat(Y.get(v, "autoscaling", "enabled")).isEqualTo(true);
        assertThat(Y.integer(v, "autoscaling", "minReplicas")).isBetween(1, Y.integer(v, "autoscaling", "maxReplicas"));
        assertThat(Y.get(v, "pdb", "enabled")).isEqualTo(true);
        assertThat(Y.list(v, "ingressPaths")).isNotEmpty();

        Map<String, Object> env = Y.map(v, "env");
        Set<String> secretEnv = Y.map(v, "secretEnv").keySet();
        List<String> problems = new ArrayList<>();
        for (Store store : s.stores()) {
            if (store == Store.POSTGRES) {
                if (!s.databaseName().equals(env.get("DB_NAME")) || !s.databaseName().equals(env.get("DB_USER"))) {
                    problems.add("DB_NAME/DB_USER should be " + s.databaseName());
                }
                if (!secretEnv.contains("DB_PASSWORD")) {
                    problems.add("DB_PASSWORD must come from a secret");
                }
            }
            if (store == Store.MONGODB && !secretEnv.contains("MONGODB_URI")) {
                problems.add("MONGODB_URI (it carries credentials) must come from a secret");
            }
        }
        assertThat(problems).as("%s (stores %s)", s.fullName(), s.stores()).isEmpty();
        for (var ref : Y.map(v, "secretEnv").entrySet()) {
            assertThat(Y.map(ref.getValue()).keySet()).as("secret reference %s", ref.getKey())
                    .isSubsetOf("secretName", "key", "optional").contains("secretName", "key");
        }
    }

    @Test
    void serviceSpecificSecretsAreReferenced() {
        assertThat(Y.map(serviceValues("user"), "secretEnv")).containsKeys("USER_JWT_PRIVATE_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD");
        assertThat(Y.map(serviceValues("payment"), "secretEnv")).containsKeys("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET");
        assertThat(Y.map(serviceValues("tracking"), "secretEnv")).containsKey("GOOGLE_MAPS_API_KEY");
        assertThat(Y.map(serviceValues("notification"), "secretEnv")).containsKeys("TWILIO_AUTH_TOKEN", "SENDGRID_API_KEY");
    }

    @Test
    void servicesFindEachOther() {
        Map<String, Object> config = Y.map(values(), "config");
        assertThat(config.get("PLATFORM_SECURITY_JWKS_URI"))
                .isEqualTo("http://user-service:" + Architecture.service("user").port() + "/.well-known/jwks.json");
        assertThat(Repo.text("services/user-service/src/main/resources/application.yml"))
                .as("user-service serves the JWKS anonymously").contains("- /.well-known/jwks.json");
        assertThat(Y.map(serviceValues("order"), "env").get("VENDOR_SERVICE_URL"))
                .isEqualTo("http://vendor-service:" + Architecture.service("vendor").port());
        assertThat(String.valueOf(config.get("ELASTICSEARCH_URIS"))).startsWith("http");
    }

    @Test
    void podsRunLockedDown() {
        Map<String, Object> pod = Y.map(values(), "podSecurityContext");
        Map<String, Object> container = Y.map(values(), "containerSecurityContext");
        assertThat(pod.get("runAsNonRoot")).isEqualTo(true);
        assertThat(container.get("runAsNonRoot")).isEqualTo(true);
        assertThat(container.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(container.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(Y.list(container, "capabilities", "drop")).contains("ALL");
        assertThat(Y.str(pod, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
    }

    /** An environment file may only set keys the chart knows: a typo would silently be ignored by Helm. */
    @ParameterizedTest
    @ValueSource(strings = {"values-staging.yaml", "values-production.yaml"})
    void environmentValuesOnlyOverrideKnownKeys(String file) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(values(), Repo.yaml(CHART + "/" + file), "", unknown);
        assertThat(unknown).as("keys of %s that values.yaml does not have", file).isEmpty();
    }

    private static final Set<String> FREE_FORM = Set.of("config", "annotations", "env", "secretEnv", "commonSecretEnv",
            "labels", "hosts", "requests", "limits", "resources", "pdb");

    private static void collectUnknown(Map<String, Object> defaults, Map<String, Object> override, String path, List<String> unknown) {
        for (var entry : override.entrySet()) {
            String key = entry.getKey();
            String here = path.isEmpty() ? key : path + "." + key;
            if (!defaults.containsKey(key)) {
                unknown.add(here);
            } else if (!FREE_FORM.contains(key) && entry.getValue() instanceof Map<?, ?> && defaults.get(key) instanceof Map<?, ?>) {
                collectUnknown(Y.map(defaults.get(key)), Y.map(entry.getValue()), here, unknown);
            }
        }
    }

    @Test
    void realtimeIngressHasWebSocketAndAffinityAnnotations() {
        Map<String, Object> realtime = Y.map(values(), "ingress", "realtime");
        Map<String, Object> annotations = Y.map(realtime, "annotations");
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
        assertThat(annotations).containsKeys("nginx.ingress.kubernetes.io/proxy-read-timeout",
                "nginx.ingress.kubernetes.io/proxy-send-timeout", "nginx.ingress.kubernetes.io/session-cookie-name");
        for (Service s : Architecture.SERVICES) {
            if (s.socketPort() != null) {
                assertThat(Y.map(realtime, "hosts")).as("realtime host of %s", s.name()).containsKey(s.name());
            }
        }
    }
}
