package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.delivery.deployment.Architecture.Service;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart rendered and linted by real Helm, in-process (helm-java ships Helm as a native library on Maven
 * Central). Skipped, not failed, where that library cannot load on the machine; the file-level checks in
 * {@link HelmValuesTest} still run there.
 */
class HelmRenderTest {

    static final Path CHART = Repo.path(HelmValuesTest.CHART);
    static final String KUBE_VERSION = "1.32.0";
    static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();
    static Boolean available;

    @BeforeAll
    static void helmLoads() {
        if (available == null) {
            try {
                Helm.version().call();
                available = true;
            } catch (Throwable e) {
                available = false;
            }
        }
        assumeTrue(available, "Helm native library (helm-java) cannot load on this machine");
    }

    /** "" = default values, else the environment file's name. */
    static List<Map<String, Object>> render(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, file -> {
            var command = new Helm(CHART).template().withName("delivery").withNamespace("delivery-test")
                    .withKubeVersion(KUBE_VERSION).set("global.imageTag", "abc123");
            if (!file.isEmpty()) {
                command = command.withValuesFile(CHART.resolve(file));
            }
            return Repo.documents(command.call());
        });
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(Y.str(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("rendered chart has no " + kind + " " + name));
    }

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "values-staging.yaml", "values-production.yaml"})
    void everyServiceHasItsObjects(String valuesFile) {
        List<Map<String, Object>> docs = render(valuesFile);
        for (Service s : Architecture.SERVICES) {
            Map<String, Object> deployment = find(docs, "Deployment", s.fullName());
            Map<String, Object> container = Y.maps(deployment, "spec", "template", "spec", "containers").getFirst();
            assertThat(Y.str(container, "image")).endsWith("/" + s.fullName() + ":abc123");
            Map<String, Integer> ports = new java.util.HashMap<>();
            Y.maps(container, "ports").forEach(p -> ports.put(Y.str(p, "name"), Y.integer(p, "containerPort")));
            assertThat(ports.get("http")).isEqualTo(s.port());
            assertThat(ports.get("socketio")).isEqualTo(s.socketPort());
            assertThat(ports.get("management")).isEqualTo(s.managementPort());
            assertThat(Y.str(container, "livenessProbe", "httpGet", "path")).isEqualTo(Actuator.liveness());
            assertThat(Y.str(container, "readinessProbe", "httpGet", "path")).isEqualTo(Actuator.readiness());
            assertThat(Y.str(container, "startupProbe", "httpGet", "path")).isEqualTo(Actuator.liveness());
            assertThat(Y.str(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
            assertThat(Y.map(container, "resources", "requests")).containsKeys("cpu", "memory");
            assertThat(Y.get(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(Y.get(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(Y.str(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/path")).isEqualTo(Actuator.prometheus());

            // every ConfigMap the pod reads is rendered, and the pod's port variables match
            for (Map<String, Object> from : Y.maps(container, "envFrom")) {
                find(docs, "ConfigMap", Y.str(from, "configMapRef", "name"));
            }
            Map<String, Object> own = Y.map(find(docs, "ConfigMap", s.fullName()), "data");
            assertThat(own.get("PORT")).isEqualTo(String.valueOf(s.port()));
            assertThat(own.get("MANAGEMENT_PORT")).isEqualTo(String.valueOf(s.managementPort()));
            if (s.socketPort() != null) {
                assertThat(own.get(s.socketPortVariable())).isEqualTo(String.valueOf(s.socketPort()));
            }

            Map<String, Object> service = find(docs, "Service", s.fullName());
            Map<String, Object> podLabels = Y.map(deployment, "spec", "template", "metadata", "labels");
            assertThat(podLabels.entrySet()).containsAll(Y.map(service, "spec", "selector").entrySet());
            Set<Integer> servicePorts = new TreeSet<>();
            Y.maps(service, "spec", "ports").forEach(p -> servicePorts.add(Y.integer(p, "port")));
            assertThat(servicePorts).contains(s.port());

            Map<String, Object> hpa = find(docs, "HorizontalPodAutoscaler", s.fullName());
            assertThat(Y.str(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(s.fullName());
            Map<String, Object> pdb = find(docs, "PodDisruptionBudget", s.fullName());
            assertThat(podLabels.entrySet()).containsAll(Y.map(pdb, "spec", "selector", "matchLabels").entrySet());
        }
    }

    @Test
    void secretsAreOnlyReferenced() {
        for (String file : List.of("", "values-staging.yaml", "values-production.yaml")) {
            List<Map<String, Object>> docs = render(file);
            assertThat(docs).noneMatch(d -> "Secret".equals(d.get("kind")));
            for (Map<String, Object> deployment : docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).toList()) {
                for (Map<String, Object> env : Y.maps(deployment, "spec", "template", "spec", "containers", 0, "env")) {
                    assertThat(env).as("env %s", env.get("name")).doesNotContainKey("value");
                    assertThat(Y.map(env, "valueFrom", "secretKeyRef")).containsKeys("name", "key");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-staging.yaml", "values-production.yaml"})
    void externalSecretsFillEverySecretThePodsRead(String valuesFile) {
        List<Map<String, Object>> docs = render(valuesFile);
        Set<String> referenced = new HashSet<>();
        for (Map<String, Object> deployment : docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).toList()) {
            for (Map<String, Object> env : Y.maps(deployment, "spec", "template", "spec", "containers", 0, "env")) {
                referenced.add(Y.str(env, "valueFrom", "secretKeyRef", "name"));
            }
        }
        Set<String> external = new HashSet<>();
        docs.stream().filter(d -> "ExternalSecret".equals(d.get("kind"))).forEach(d -> external.add(Y.str(d, "spec", "target", "name")));
        assertThat(external).containsAll(referenced);
        String prefix = Y.str(Repo.yaml(HelmValuesTest.CHART + "/" + valuesFile), "externalSecrets", "remoteKeyPrefix");
        assertThat(prefix).matches("delivery/(staging|production)");
    }

    /**
     * Prometheus finds the metrics on the management port (pod annotations for a plain Prometheus, the
     * ServiceMonitor for the Operator), and nothing an Ingress routes to is that port: {@code /actuator/prometheus}
     * is never reachable from outside.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "values-staging.yaml", "values-production.yaml"})
    void prometheusScrapesTheManagementPortWhichNoIngressRoutes(String valuesFile) {
        List<Map<String, Object>> docs = render(valuesFile);
        boolean operator = Boolean.TRUE.equals(Y.get(valuesFile.isEmpty() ? HelmValuesTest.values()
                : Repo.yaml(HelmValuesTest.CHART + "/" + valuesFile), "serviceMonitor", "enabled"));
        for (Service s : Architecture.SERVICES) {
            Map<String, Object> pod = Y.map(find(docs, "Deployment", s.fullName()), "spec", "template");
            assertThat(Y.str(pod, "metadata", "annotations", "prometheus.io/port")).as("scrape port of %s", s.fullName())
                    .isEqualTo(String.valueOf(s.managementPort()));
            Map<String, Object> servicePort = Y.maps(find(docs, "Service", s.fullName()), "spec", "ports").stream()
                    .filter(p -> "management".equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(s.fullName() + " Service has no 'management' port"));
            assertThat(Y.integer(servicePort, "port")).isEqualTo(s.managementPort());
            assertThat(Y.str(servicePort, "targetPort")).isEqualTo("management");
            if (operator) {
                List<Map<String, Object>> endpoints = Y.maps(find(docs, "ServiceMonitor", s.fullName()), "spec", "endpoints");
                assertThat(endpoints).as("ServiceMonitor of %s", s.fullName()).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.get("port")).isEqualTo("management");
                    assertThat(e.get("path")).isEqualTo(Actuator.prometheus());
                });
            }
        }
        assertThat(operator || valuesFile.isEmpty()).as("%s switches the ServiceMonitors on", valuesFile).isTrue();
        IngressRoutingTest.assertNoRouteReachesTheActuator(IngressRoutingTest.routesOf(docs), "rendered chart " + valuesFile);
    }

    @Test
    void ingressRoutesMatchTheControllers() {
        for (String file : List.of("", "values-staging.yaml", "values-production.yaml")) {
            IngressRoutingTest.assertRoutesCover(IngressRoutingTest.routesOf(render(file)), "rendered chart " + file);
        }
    }
}
