package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.delivery.deployment.Architecture.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deployment/monitoring: alert rules and dashboards name only metrics that exist, Spring/Micrometer's technical
 * ones or the business metrics the services agreed to export (deployment/monitoring/README.md).
 */
class MonitoringTest {

    static final String ALERTS = "deployment/monitoring/prometheus/alerts.yml";
    static final String DASHBOARDS = "deployment/monitoring/grafana/dashboards";

    /** The business metrics of the issue, by Prometheus name, with the labels they carry. */
    static final Map<String, Set<String>> BUSINESS = new LinkedHashMap<>();

    static {
        BUSINESS.put("orders_placed_total", Set.of());
        BUSINESS.put("orders_active", Set.of("status"));
        BUSINESS.put("drivers_online", Set.of());
        BUSINESS.put("socketio_connections", Set.of("gateway"));
        BUSINESS.put("outbox_pending_events", Set.of("application"));
        BUSINESS.put("notifications_failed_total", Set.of("channel"));
        BUSINESS.put("stripe_webhooks_ignored_total", Set.of("reason"));
        BUSINESS.put("platform_dependency_up", Set.of("dependency"));
    }

    /** Families Spring Boot and Micrometer export by themselves from what the services use. */
    static final List<String> TECHNICAL_PREFIXES = List.of("http_server_requests_seconds_", "jvm_", "hikaricp_",
            "kafka_consumer_", "process_", "system_");
    static final Set<String> TARGET_LABELS = Set.of("application", "instance", "job", "namespace", "pod", "app_kubernetes_io_part_of");
    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "offset", "bool", "inf", "nan", "le");

    static List<String> alertExpressions() {
        List<String> exprs = new ArrayList<>();
        for (Map<String, Object> group : Y.maps(Repo.yaml(ALERTS), "groups")) {
            for (Map<String, Object> rule : Y.maps(group, "rules")) {
                exprs.add(String.valueOf(rule.get("expr")));
            }
        }
        return exprs;
    }

    static List<String> dashboardExpressions() {
        List<String> exprs = new ArrayList<>();
        for (Path file : Repo.files(DASHBOARDS, ".json")) {
            for (Map<String, Object> panel : Y.maps(Repo.yaml(Repo.relative(file)), "panels")) {
                for (Map<String, Object> target : Y.maps(panel, "targets")) {
                    exprs.add(String.valueOf(target.get("expr")));
                }
            }
        }
        return exprs;
    }

    /** Metric names of a PromQL expression (functions, keywords, labels and durations left out). */
    static Set<String> metrics(String expr) {
        String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(e);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static boolean technical(String metric) {
        return metric.equals("up") || TECHNICAL_PREFIXES.stream().anyMatch(metric::startsWith);
    }

    @Test
    void promqlReaderFindsMetricsOnly() {
        assertThat(metrics("histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~\"/a.*\"}[5m]))) > 1"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metrics("max(orders_active{status=\"READY\"}) > 20 and max(drivers_online offset 15m) < 5"))
                .containsExactly("drivers_online", "orders_active");
    }

    @Test
    void everyAlertIsCompleteAndUniquelyNamed() {
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        Y.maps(Repo.yaml(ALERTS), "groups").forEach(g -> rules.addAll(Y.maps(g, "rules")));
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> rule : rules) {
            String alert = Y.str(rule, "alert");
            assertThat(names.add(alert)).as("unique alert %s", alert).isTrue();
            assertThat(Y.str(rule, "expr")).as(alert).isNotBlank();
            assertThat(rule).as(alert).containsKey("for");
            assertThat(Y.str(rule, "labels", "severity")).as(alert).isIn("critical", "warning");
            assertThat(Y.map(rule, "annotations")).as(alert).containsKeys("summary", "description");
        }
    }

    @Test
    void alertsAndDashboardsNameOnlyExportedMetrics() {
        List<String> unknown = new ArrayList<>();
        List<String> exprs = new ArrayList<>(alertExpressions());
        exprs.addAll(dashboardExpressions());
        for (String expr : exprs) {
            for (String metric : metrics(expr)) {
                if (!technical(metric) && !BUSINESS.containsKey(metric)) {
                    unknown.add(metric + " in " + expr.strip().lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void businessMetricsAreUsedWithTheirOwnLabels() {
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String> exprs = new ArrayList<>(alertExpressions());
        exprs.addAll(dashboardExpressions());
        Pattern selector = Pattern.compile("([a-z_]+)\\{([^}]*)}");
        for (String expr : exprs) {
            used.addAll(metrics(expr));
            Matcher m = selector.matcher(expr);
            while (m.find()) {
                if (BUSINESS.containsKey(m.group(1))) {
                    Matcher label = Pattern.compile("([a-z_]+)\\s*(=~|!~|!=|=)").matcher(m.group(2));
                    while (label.find()) {
                        if (!BUSINESS.get(m.group(1)).contains(label.group(1)) && !TARGET_LABELS.contains(label.group(1))) {
                            problems.add(m.group(1) + " has no label " + label.group(1));
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(used).as("every business metric appears on a dashboard or in an alert").containsAll(BUSINESS.keySet());
        Set<String> dashboards = new TreeSet<>();
        dashboardExpressions().forEach(e -> dashboards.addAll(metrics(e)));
        assertThat(dashboards).as("every business metric is on a dashboard").containsAll(BUSINESS.keySet());
        assertThat(dashboards).as("Kafka consumer lag is on a dashboard").contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void readmeListsTheBusinessMetrics() {
        String readme = Repo.text("deployment/monitoring/README.md");
        for (var metric : BUSINESS.entrySet()) {
            Matcher row = Pattern.compile("(?m)^\\|\\s*`" + metric.getKey() + "`\\s*\\|(.*)$").matcher(readme);
            assertThat(row.find()).as("README row for %s", metric.getKey()).isTrue();
            for (String label : metric.getValue()) {
                assertThat(row.group(1)).as("labels of %s", metric.getKey()).contains("`" + label + "`");
            }
        }
    }

    /** Latency percentiles need Micrometer's histogram buckets, which Spring Boot does not publish by default. */
    @Test
    void histogramBucketsAreSwitchedOnWhereverTheyAreUsed() {
        boolean usesBuckets = alertExpressions().stream().anyMatch(e -> e.contains("_bucket"))
                || dashboardExpressions().stream().anyMatch(e -> e.contains("_bucket"));
        assumeTrue(usesBuckets, "no histogram used");
        String property = "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS";
        boolean inKit = Repo.text(Actuator.KIT_DEFAULTS).contains("percentiles-histogram");
        if (!inKit) {
            assertThat(String.valueOf(Y.get(HelmValuesTest.values(), "config", property))).isEqualTo("true");
            assertThat(Repo.text("deployment/kubernetes/base/common-config.yaml")).contains(property + ": 'true'");
            for (Service s : Architecture.SERVICES) {
                Map<String, Object> env = ComposeTest.environment(Y.map(Repo.yaml("docker-compose.yml"), "services", s.fullName()));
                assertThat(String.valueOf(env.get(property))).as("compose %s", s.fullName()).isEqualTo("true");
            }
        }
    }

    @Test
    void dashboardsAreValidAndUseTheDatasourceVariable() {
        Set<String> uids = new HashSet<>();
        List<Path> files = Repo.files(DASHBOARDS, ".json");
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            Map<String, Object> dashboard = Repo.yaml(Repo.relative(file));
            assertThat(uids.add(Y.str(dashboard, "uid"))).as("unique uid in %s", file).isTrue();
            assertThat(Y.maps(dashboard, "templating", "list")).anyMatch(v -> "datasource".equals(v.get("type")));
            for (Map<String, Object> panel : Y.maps(dashboard, "panels")) {
                assertThat(Y.str(panel, "datasource", "uid")).isEqualTo("${datasource}");
                assertThat(Y.maps(panel, "targets")).as("targets of %s", panel.get("title")).isNotEmpty();
            }
        }
    }

    @Test
    void composePrometheusScrapesEveryServiceAndLoadsTheAlerts() {
        Map<String, Object> prometheus = Repo.yaml("deployment/monitoring/prometheus/prometheus-compose.yml");
        Map<String, Object> job = Y.maps(prometheus, "scrape_configs").getFirst();
        assertThat(job.get("metrics_path")).isEqualTo(Actuator.prometheus());
        Set<String> targets = new TreeSet<>();
        Y.maps(job, "static_configs").forEach(c -> Y.list(c, "targets").forEach(t -> targets.add(String.valueOf(t))));
        Set<String> expected = new TreeSet<>();
        // the actuator answers on the management port only
        Architecture.SERVICES.forEach(s -> expected.add(s.fullName() + ":" + s.managementPort()));
        assertThat(targets).isEqualTo(expected);
        assertThat(Y.list(prometheus, "rule_files")).contains("/etc/prometheus/alerts.yml");
        assertThat(Y.list(Repo.yaml("docker-compose.yml"), "services", "prometheus", "volumes")).map(String::valueOf)
                .contains("./deployment/monitoring/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    static List<String> businessMetrics() {
        return List.copyOf(BUSINESS.keySet());
    }

    /**
     * The service code registers the metric (Micrometer name with dots, e.g. orders.placed for
     * orders_placed_total).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("businessMetrics")
    void businessMetricIsRegisteredByAService(String metric) {
        String base = metric.endsWith("_total") ? metric.substring(0, metric.length() - "_total".length()) : metric;
        Set<String> spellings = Set.of("\"" + base.replace('_', '.') + "\"", "\"" + base + "\"");
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("services", "libs")) {
            sources.addAll(Repo.files(root, ".java").stream().filter(p -> p.toString().contains("/src/main/java/")).toList());
        }
        boolean registered = sources.stream().map(Repo::text).anyMatch(text -> spellings.stream().anyMatch(text::contains));
        assertThat(registered).as("a service registers %s", metric).isTrue();
    }
}
