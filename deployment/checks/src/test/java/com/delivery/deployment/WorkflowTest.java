package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.deployment.Architecture.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** .github/workflows/ci.yml: the delivery pipeline's stages, in order, with a manual approval before production. */
class WorkflowTest {

    /** The stages of the seed, in order, as job ids. */
    static final List<String> STAGES = List.of("lint", "unit", "integration", "build-images", "push-images",
            "deploy-staging", "smoke-staging", "deploy-production");

    static Map<String, Object> ci;
    static Map<String, Object> jobs;

    @BeforeAll
    static void load() {
        ci = Repo.yaml(".github/workflows/ci.yml");
        jobs = Y.map(ci, "jobs");
    }

    static List<String> needs(String job) {
        Object needs = Y.get(jobs, job, "needs");
        if (needs == null) {
            return List.of();
        }
        return needs instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(needs));
    }

    static String script(String job) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> step : Y.maps(jobs, job, "steps")) {
            text.append(step.getOrDefault("run", "")).append('\n').append(step.getOrDefault("uses", "")).append('\n');
        }
        return text.toString();
    }

    @Test
    void stagesRunInTheSeedsOrder() {
        assertThat(jobs.keySet()).containsAll(STAGES);
        assertThat(needs(STAGES.getFirst())).isEmpty();
        for (int i = 1; i < STAGES.size(); i++) {
            assertThat(needs(STAGES.get(i))).as("%s waits for %s", STAGES.get(i), STAGES.get(i - 1)).contains(STAGES.get(i - 1));
        }
        // and nothing sneaks around the chain: every job's needs are earlier stages
        for (String job : STAGES) {
            for (String need : needs(job)) {
                assertThat(STAGES.indexOf(need)).as("%s needs %s", job, need).isBetween(0, STAGES.indexOf(job) - 1);
            }
        }
    }

    @Test
    void productionWaitsForAManualApproval() {
        Object environment = Y.get(jobs, "deploy-production", "environment");
        String name = environment instanceof Map<?, ?> ? Y.str(environment, "name") : String.valueOf(environment);
        assertThat(name).isEqualTo("production");
        String stagingEnv = Y.get(jobs, "deploy-staging", "environment") instanceof Map<?, ?>
                ? Y.str(jobs, "deploy-staging", "environment", "name") : Y.str(jobs, "deploy-staging", "environment");
        assertThat(stagingEnv).isEqualTo("staging");
        for (String job : List.of("push-images", "deploy-staging", "deploy-production")) {
            assertThat(Y.str(jobs, job, "if")).as("%s only for main", job).contains("refs/heads/main");
        }
        assertThat(Repo.text(".github/workflows/ci.yml")).contains("Required reviewers");
    }

    @Test
    void everyServiceImageIsBuiltFromTheSharedDockerfile() {
        Map<String, String> ports = new HashMap<>();
        for (Map<String, Object> entry : Y.maps(jobs, "build-images", "strategy", "matrix", "include")) {
            ports.put(Y.str(entry, "service"), Y.str(entry, "port"));
        }
        for (Service s : Architecture.SERVICES) {
            assertThat(ports.get(s.name())).as("build of %s", s.fullName()).isEqualTo(String.valueOf(s.port()));
        }
        String build = Repo.text(".github/workflows/ci.yml");
        assertThat(build).contains("file: Dockerfile").contains("SERVICE=${{ matrix.service }}");
        assertThat(Y.list(jobs, "push-images", "strategy", "matrix", "service")).map(String::valueOf)
                .containsExactlyInAnyOrderElementsOf(Architecture.names());
    }

    @Test
    void testStagesRunUnitThenIntegrationTests() {
        assertThat(script("unit")).contains("./mvnw").contains("-Dtest='*Test'");
        assertThat(script("integration")).contains("./mvnw").contains("-Dtest='*IT'");
        String lint = script("lint");
        assertThat(lint).contains("terraform fmt -check").contains("helm lint").contains("kubectl kustomize")
                .contains("-pl deployment/checks");
    }

    @Test
    void deploymentsUseTheChartAndValuesFilesThatExist() {
        String chart = Y.str(ci, "env", "CHART");
        assertThat(Repo.path(chart).resolve("Chart.yaml")).isRegularFile();
        for (String env : List.of("staging", "production")) {
            String deploy = script("deploy-" + env);
            assertThat(deploy).contains("helm upgrade --install").contains("values-" + env + ".yaml")
                    .contains("global.imageTag=\"${{ github.sha }}\"").contains("--atomic");
            assertThat(Repo.path(chart).resolve("values-" + env + ".yaml")).isRegularFile();
        }
        Path smoke = Repo.path("deployment/scripts/smoke-test.sh");
        assertThat(script("smoke-staging")).contains("deployment/scripts/smoke-test.sh");
        assertThat(smoke).isRegularFile();
        assertThat(Files.isExecutable(smoke)).as("smoke-test.sh is executable").isTrue();
    }

    @Test
    void actionsArePinnedToVersions() {
        List<String> unpinned = new ArrayList<>();
        for (Path file : Repo.files(".github/workflows", ".yml")) {
            Matcher uses = Pattern.compile("uses:\\s*(\\S+)").matcher(Repo.text(file));
            while (uses.find()) {
                if (!uses.group(1).matches("[\\w.-]+/[\\w./-]+@(v?\\d[\\w.]*|[0-9a-f]{40})")) {
                    unpinned.add(Repo.relative(file) + ": " + uses.group(1));
                }
            }
            assertThat(Repo.yaml(Repo.relative(file))).as("%s parses", file).containsKey("jobs");
        }
        assertThat(unpinned).isEmpty();
    }
}
