package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.deployment.Architecture.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Ingress sends every REST path a controller maps to the service that maps it (longest prefix wins, as in
 * Kubernetes), and the Socket.io paths to the two gateways' own ports.
 */
class IngressRoutingTest {

    record Route(String host, String path, String type, String service, String port) {

        boolean matches(String requestPath) {
            if (type.equals("Exact")) {
                return requestPath.equals(path);
            }
            List<String> prefix = segments(path);
            List<String> request = segments(requestPath);
            return request.size() >= prefix.size() && request.subList(0, prefix.size()).equals(prefix);
        }

        private static List<String> segments(String p) {
            return Arrays.stream(p.split("/")).filter(s -> !s.isEmpty()).toList();
        }
    }

    static List<Route> routesOf(List<Map<String, Object>> docs) {
        List<Route> routes = new ArrayList<>();
        for (Map<String, Object> ingress : docs.stream().filter(d -> "Ingress".equals(d.get("kind"))).toList()) {
            for (Map<String, Object> rule : Y.maps(ingress, "spec", "rules")) {
                for (Map<String, Object> path : Y.maps(rule, "http", "paths")) {
                    Map<String, Object> backend = Y.map(path, "backend", "service");
                    String port = Y.str(backend, "port", "name") != null ? Y.str(backend, "port", "name") : Y.str(backend, "port", "number");
                    routes.add(new Route(Y.str(rule, "host"), Y.str(path, "path"), Y.str(path, "pathType"), Y.str(backend, "name"), port));
                }
            }
        }
        // resolve named ports against the rendered Services, when they are there
        Map<String, Map<String, String>> servicePorts = new HashMap<>();
        for (Map<String, Object> service : docs.stream().filter(d -> "Service".equals(d.get("kind"))).toList()) {
            Map<String, String> ports = new HashMap<>();
            Y.maps(service, "spec", "ports").forEach(p -> ports.put(Y.str(p, "name"), Y.str(p, "port")));
            servicePorts.put(Y.str(service, "metadata", "name"), ports);
        }
        return routes.stream().map(r -> servicePorts.containsKey(r.service()) && servicePorts.get(r.service()).containsKey(r.port())
                ? new Route(r.host(), r.path(), r.type(), r.service(), servicePorts.get(r.service()).get(r.port())) : r).toList();
    }

    static boolean isSocketRoute(Route route) {
        return route.path().startsWith("/socket.io");
    }

    /** Fails with every controller path that no route, or the wrong service's route, would receive. */
    static void assertRoutesCover(List<Route> routes, String where) {
        List<Route> api = routes.stream().filter(r -> !isSocketRoute(r)).toList();
        List<String> problems = new ArrayList<>();
        for (var entry : Architecture.controllerPathsByService().entrySet()) {
            String owner = entry.getKey() + "-service";
            for (String path : entry.getValue()) {
                Route best = api.stream().filter(r -> r.matches(path))
                        .max((a, b) -> Integer.compare(a.path().length(), b.path().length())).orElse(null);
                if (best == null) {
                    problems.add(path + " (" + owner + ") has no route");
                } else if (!best.service().equals(owner)) {
                    problems.add(path + " (" + owner + ") is routed to " + best.service() + " by " + best.path());
                }
            }
        }
        for (Service s : Architecture.SERVICES) {
            if (api.stream().noneMatch(r -> r.service().equals(s.fullName()) && r.path().startsWith("/api/v1/"))) {
                problems.add(s.fullName() + " has no /api/v1/ route");
            }
            if (s.socketPort() != null) {
                boolean socket = routes.stream().anyMatch(r -> isSocketRoute(r) && r.service().equals(s.fullName())
                        && (r.port().equals("socketio") || r.port().equals(String.valueOf(s.socketPort()))));
                if (!socket) {
                    problems.add(s.fullName() + " has no /socket.io/ route to its Socket.io port " + s.socketPort());
                }
            }
        }
        problems.addAll(actuatorExposures(routes));
        routes.stream().filter(IngressRoutingTest::isSocketRoute).map(Route::host).filter(h -> h == null)
                .forEach(h -> problems.add("Socket.io routes need their own host (each gateway serves /socket.io/)"));
        assertThat(problems).as("routing of %s", where).isEmpty();
    }

    /**
     * Routes that would let the outside reach the actuator: an {@code /actuator} path, or any path to a service's
     * management port (by name or number), where {@code /actuator/prometheus} answers.
     */
    static List<String> actuatorExposures(List<Route> routes) {
        Set<String> managementPorts = new java.util.HashSet<>(Set.of("management"));
        Architecture.SERVICES.forEach(s -> managementPorts.add(String.valueOf(s.managementPort())));
        List<String> problems = new ArrayList<>();
        for (Route r : routes) {
            if (r.path().startsWith("/actuator")) {
                problems.add("actuator exposed: " + r);
            }
            if (managementPorts.contains(r.port())) {
                problems.add("route to the management port (actuator, metrics) exposed: " + r);
            }
        }
        return problems;
    }

    static void assertNoRouteReachesTheActuator(List<Route> routes, String where) {
        assertThat(routes).as("routes of %s", where).isNotEmpty();
        assertThat(actuatorExposures(routes)).as("routing of %s", where).isEmpty();
    }

    @Test
    void routingRuleCatchesARouteToTheManagementPort() {
        List<Route> leaking = List.of(new Route("h", "/metrics", "Prefix", "payment-service", "management"),
                new Route("h", "/api/v1/payments", "Prefix", "payment-service",
                        String.valueOf(Architecture.service("payment").managementPort())));
        assertThat(actuatorExposures(leaking)).hasSize(2);
    }

    @Test
    void controllersAreFound() {
        Map<String, Set<String>> paths = Architecture.controllerPathsByService();
        // the services further along must show up, or the routing checks would prove nothing
        assertThat(paths.get("user")).contains("/api/v1/auth/login", "/.well-known/jwks.json");
        assertThat(paths.get("order")).anyMatch(p -> p.startsWith("/api/v1/orders"));
        assertThat(paths.get("vendor")).contains("/api/v1/vendors/search");
        assertThat(paths.get("payment")).contains("/api/v1/payments/webhooks/stripe");
    }

    @Test
    void helmValuesRouteEveryControllerPath() {
        Map<String, Object> values = HelmValuesTest.values();
        List<Route> routes = new ArrayList<>();
        String host = Y.str(values, "ingress", "host");
        for (var entry : Y.map(values, "services").entrySet()) {
            String service = entry.getKey() + "-service";
            for (Object path : Y.list(entry.getValue(), "ingressPaths")) {
                String p = String.valueOf(path);
                routes.add(new Route(host, p, p.contains(".") ? "Exact" : "Prefix", service, "http"));
            }
            if (Y.get(entry.getValue(), "socketPort") != null) {
                routes.add(new Route(Y.str(values, "ingress", "realtime", "hosts", entry.getKey()), "/socket.io/", "Prefix", service, "socketio"));
            }
        }
        assertRoutesCover(routes, "helm values.yaml");
    }

    @Test
    void kustomizeBaseRoutesEveryControllerPath() {
        List<Map<String, Object>> docs = new ArrayList<>(Repo.documents(Repo.text("deployment/kubernetes/base/ingress.yaml")));
        for (Service s : Architecture.SERVICES) {
            docs.addAll(Repo.documents(Repo.text("deployment/kubernetes/base/" + s.fullName() + ".yaml")));
        }
        assertRoutesCover(routesOf(docs), "kustomize base");
    }

    @Test
    void routingRuleCatchesAWrongRoute() {
        // the check itself: sending /api/v1/orders to vendor-service must be reported
        List<Route> wrong = List.of(new Route("h", "/api/v1/orders", "Prefix", "vendor-service", "http"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertRoutesCover(wrong, "a broken ingress"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("routed to vendor-service");
    }
}
