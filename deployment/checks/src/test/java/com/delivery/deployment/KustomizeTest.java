package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.delivery.deployment.Architecture.Service;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain manifests for kubectl users: the kustomize base (generated from the chart's values) and the
 * staging/production overlays. Parsed as YAML everywhere; built with `kubectl kustomize` where kubectl exists.
 */
class KustomizeTest {

    static final String BASE = "deployment/kubernetes/base";

    static List<Service> services() {
        return Architecture.SERVICES;
    }

    static List<Map<String, Object>> baseDocs() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object resource : Y.list(Repo.yaml(BASE + "/kustomization.yaml"), "resources")) {
            docs.addAll(Repo.documents(Repo.text(BASE + "/" + resource)));
        }
        return docs;
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(Y.str(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void baseListsOnlyFilesThatExistAndEveryYamlFileParses() {
        for (Object resource : Y.list(Repo.yaml(BASE + "/kustomization.yaml"), "resources")) {
            assertThat(Repo.exists(BASE + "/" + resource)).as("resource %s", resource).isTrue();
        }
        for (Path file : Repo.files("deployment/kubernetes", ".yaml")) {
            if (!file.toString().contains("/helm/")) {
                assertThat(Repo.documents(Repo.text(file))).as("%s parses", Repo.relative(file)).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void baseMatchesTheChartValues(Service s) {
        List<Map<String, Object>> docs = baseDocs();
        Map<String, Object> values = HelmValuesTest.values();
        Map<String, Object> v = HelmValuesTest.serviceValues(s.name());
        Map<String, Object> deployment = find(docs, "Deployment", s.fullName());
        Map<String, Object> container = Y.maps(deployment, "spec", "template", "spec", "containers").getFirst();
        assertThat(Y.str(container, "image")).startsWith(Y.str(values, "global", "imageRegistry") + "/" + s.fullName() + ":");
        Map<String, Integer> ports = new HashMap<>();
        Y.maps(container, "ports").forEach(p -> ports.put(Y.str(p, "name"), Y.integer(p, "containerPort")));
        assertThat(ports.get("http")).isEqualTo(s.port());
        assertThat(ports.get("socketio")).isEqualTo(s.socketPort());
        assertThat(ports.get("management")).isEqualTo(s.managementPort());
        assertThat(Y.str(container, "livenessProbe", "httpGet", "path")).isEqualTo(Actuator.liveness());
        assertThat(Y.str(container, "readinessProbe", "httpGet", "path")).isEqualTo(Actuator.readiness());
        assertThat(Y.str(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat(Y.str(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
                .as("Prometheus scrapes %s on its management port", s.fullName()).isEqualTo(String.valueOf(s.managementPort()));
        assertThat(Y.str(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/path"))
                .isEqualTo(Actuator.prometheus());
        assertThat(Y.map(container, "resources")).isEqualTo(Y.map(v, "resources"));
        assertThat(Y.get(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(Y.get(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);

        Map<String, String> secretRefs = new TreeMap<>();
        for (Map<String, Object> env : Y.maps(container, "env")) {
            assertThat(env).as("env %s of %s", env.get("name"), s.fullName()).doesNotContainKey("value");
            secretRefs.put(Y.str(env, "name"), Y.str(env, "valueFrom", "secretKeyRef", "name") + "/" + Y.str(env, "valueFrom", "secretKeyRef", "key"));
        }
        Map<String, String> expectedRefs = new TreeMap<>();
        Y.map(v, "secretEnv").forEach((name, ref) -> expectedRefs.put(name, Y.str(ref, "secretName") + "/" + Y.str(ref, "key")));
        assertThat(secretRefs).as("secret references of %s (re-run deployment/kubernetes/generate-base.py?)", s.fullName())
                .isEqualTo(expectedRefs);

        Map<String, Object> config = Y.map(find(docs, "ConfigMap", s.fullName()), "data");
        assertThat(config.get("PORT")).isEqualTo(String.valueOf(s.port()));
        assertThat(config.get("MANAGEMENT_PORT")).isEqualTo(String.valueOf(s.managementPort()));
        Y.map(v, "env").forEach((name, value) -> assertThat(config.get(name)).as(name).isEqualTo(String.valueOf(value)));

        Map<String, Object> hpa = find(docs, "HorizontalPodAutoscaler", s.fullName());
        assertThat(Y.integer(hpa, "spec", "minReplicas")).isEqualTo(Y.integer(v, "autoscaling", "minReplicas"));
        assertThat(Y.integer(hpa, "spec", "maxReplicas")).isEqualTo(Y.integer(v, "autoscaling", "maxReplicas"));
        find(docs, "PodDisruptionBudget", s.fullName());
        Map<String, Object> service = find(docs, "Service", s.fullName());
        Set<Integer> servicePorts = new HashSet<>();
        Y.maps(service, "spec", "ports").forEach(p -> servicePorts.add(Y.integer(p, "port")));
        assertThat(servicePorts).contains(s.port());
    }

    @Test
    void baseSharedConfigMatchesTheChart() {
        Map<String, Object> common = Y.map(find(baseDocs(), "ConfigMap", "delivery-platform-common"), "data");
        Y.map(HelmValuesTest.values(), "config").forEach((k, value) -> assertThat(common.get(k)).as(k).isEqualTo(String.valueOf(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void overlayIsComplete(String env) {
        String dir = "deployment/kubernetes/overlays/" + env;
        Map<String, Object> k = Repo.yaml(dir + "/kustomization.yaml");
        assertThat(k.get("namespace")).isEqualTo("delivery-" + env);
        assertThat(Y.list(k, "resources")).contains("../../base");
        for (Object resource : Y.list(k, "resources")) {
            assertThat(Repo.path(dir).resolve(String.valueOf(resource)).normalize()).as("resource %s", resource).exists();
        }
        for (Map<String, Object> patch : Y.maps(k, "patches")) {
            assertThat(Repo.exists(dir + "/" + patch.get("path"))).as("patch %s", patch.get("path")).isTrue();
        }
        Set<String> images = new HashSet<>();
        Y.maps(k, "images").forEach(i -> images.add(Y.str(i, "name")));
        for (Service s : Architecture.SERVICES) {
            assertThat(images).anyMatch(name -> name.endsWith("/" + s.fullName()));
        }
        // the overlay's scaling numbers are the chart's for the same environment
        Map<String, Object> helmEnv = Repo.yaml(HelmValuesTest.CHART + "/values-" + env + ".yaml");
        List<Map<String, Object>> patches = Repo.documents(Repo.text(dir + "/autoscaling.yaml"));
        for (Service s : Architecture.SERVICES) {
            Map<String, Object> hpa = find(patches, "HorizontalPodAutoscaler", s.fullName());
            assertThat(Y.integer(hpa, "spec", "minReplicas")).as("%s min replicas in %s", s.fullName(), env)
                    .isEqualTo(Y.integer(helmEnv, "services", s.name(), "autoscaling", "minReplicas"));
            assertThat(Y.integer(hpa, "spec", "maxReplicas")).isEqualTo(Y.integer(helmEnv, "services", s.name(), "autoscaling", "maxReplicas"));
        }
    }

    static String kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** `kubectl kustomize` works offline: build each overlay as an operator would, and check the result. */
    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void overlayBuildsWithKubectl(String env) throws Exception {
        String kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed");
        Process process = new ProcessBuilder(kubectl, "kustomize", Repo.path("deployment/kubernetes/overlays/" + env).toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        List<Map<String, Object>> docs = Repo.documents(new String(out));

        Set<String> referenced = new HashSet<>();
        for (Service s : Architecture.SERVICES) {
            Map<String, Object> deployment = find(docs, "Deployment", s.fullName());
            assertThat(Y.str(deployment, "metadata", "namespace")).isEqualTo("delivery-" + env);
            Map<String, Object> container = Y.maps(deployment, "spec", "template", "spec", "containers").getFirst();
            assertThat(Y.str(container, "image")).endsWith("/" + s.fullName() + ":" + env);
            for (Map<String, Object> e : Y.maps(container, "env")) {
                assertThat(e).doesNotContainKey("value");
                referenced.add(Y.str(e, "valueFrom", "secretKeyRef", "name"));
            }
        }
        Set<String> external = new HashSet<>();
        docs.stream().filter(d -> "ExternalSecret".equals(d.get("kind"))).forEach(d -> external.add(Y.str(d, "spec", "target", "name")));
        assertThat(external).as("ExternalSecrets of %s", env).containsAll(referenced);
        assertThat(docs).noneMatch(d -> "Secret".equals(d.get("kind")));
        IngressRoutingTest.assertRoutesCover(IngressRoutingTest.routesOf(docs), "overlay " + env);
    }
}
