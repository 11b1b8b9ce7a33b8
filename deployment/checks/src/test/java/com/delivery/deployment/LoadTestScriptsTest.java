package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** loadtest/k6 and loadtest/gatling: the seed's scenarios at the seed's rates, with thresholds, calling real endpoints. */
class LoadTestScriptsTest {

    /** scenario -> k6 script, Gatling simulation, the rate knob and its default. */
    record Scenario(String k6, String gatling, String k6Knob, String gatlingKnob, int rate) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("order-placement.js", "OrderPlacementSimulation.java", "RATE", "rate", 1000),
            new Scenario("vendor-search.js", "VendorSearchSimulation.java", "RATE", "rate", 5000),
            new Scenario("tracking-connections.js", "TrackingConnectionsSimulation.java", "CONNECTIONS", "connections", 10_000),
            new Scenario("payment.js", "PaymentSimulation.java", "RATE", "rate", 500));

    static final String GATLING = "loadtest/gatling/src/test/java/com/delivery/loadtest/";

    @Test
    void k6ScriptsRunTheSeedsRatesWithThresholds() {
        for (Scenario s : SCENARIOS) {
            String script = Repo.text("loadtest/k6/" + s.k6());
            assertThat(script).as(s.k6()).contains("int('" + s.k6Knob() + "', " + s.rate() + ")");
            assertThat(script).as(s.k6()).contains("thresholds:").containsPattern("p\\(99\\)<\\d+");
        }
        assertThat(Repo.text("loadtest/k6/tracking-connections.js")).contains("/socket.io/?EIO=4&transport=websocket");
    }

    @Test
    void gatlingSimulationsRunTheSameScenariosWithAssertions() {
        for (Scenario s : SCENARIOS) {
            String simulation = Repo.text(GATLING + s.gatling());
            String rate = String.valueOf(s.rate()).replaceAll("(\\d)(\\d{3})$", "$1(_)?$2");
            assertThat(simulation).as(s.gatling()).containsPattern("integer\\(\"" + s.gatlingKnob() + "\", " + rate + "\\)");
            assertThat(simulation).as(s.gatling()).contains(".assertions(").contains("percentile(99.0)");
        }
    }

    @Test
    void gatlingIsAStandaloneProjectOutsideTheReactor() {
        String pom = Repo.text("loadtest/gatling/pom.xml");
        assertThat(pom).contains("<artifactId>gatling-maven-plugin</artifactId>").contains("<artifactId>gatling-charts-highcharts</artifactId>")
                .doesNotContain("<parent>");
        assertThat(Repo.text("pom.xml")).doesNotContain("<module>loadtest");
    }

    /** Every API path a load script calls is mapped by a controller (catches renamed endpoints). */
    @Test
    void scriptsCallEndpointsThatExist() {
        Set<String> mapped = new TreeSet<>();
        Architecture.controllerPathsByService().values().forEach(mapped::addAll);
        List<Path> files = new ArrayList<>(Repo.files("loadtest/k6", ".js"));
        files.addAll(Repo.files("loadtest/gatling/src", ".java"));
        List<String> missing = new ArrayList<>();
        Pattern call = Pattern.compile("(/api/v1/[A-Za-z0-9_/${}#.-]*)");
        for (Path file : files) {
            Matcher m = call.matcher(Repo.text(file));
            while (m.find()) {
                String path = m.group(1).replaceAll("\\$\\{[^}]*}|#\\{[^}]*}", "{x}").replaceAll("\\.+$", "");
                if (path.endsWith("/")) {
                    path = path + "{x}";
                }
                String p = path;
                if (mapped.stream().noneMatch(mapping -> Architecture.pathMatches(mapping, p))) {
                    missing.add(p + " in " + Repo.relative(file));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void docsPointToEveryPiece() {
        String docs = Repo.text("docs/DEPLOYMENT.md");
        for (String piece : List.of("docker compose", "Dockerfile", "helm upgrade", "kubectl apply -k", "terraform",
                ".github/workflows/ci.yml", "deployment/monitoring", "loadtest/k6", "loadtest/gatling", "smoke-test.sh")) {
            assertThat(docs).as("docs/DEPLOYMENT.md mentions %s", piece).containsIgnoringCase(piece);
        }
        assertThat(docs).as("the OpenSearch caveat").containsPattern("(?i)OpenSearch");
    }
}
