package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared Dockerfile: multi-stage, JDK 21 build, JRE 21 runtime, non-root, Boot layers, readiness health check. */
class DockerfileTest {

    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    static String dockerfile() {
        return Repo.text("Dockerfile");
    }

    /** The instructions of the final stage (after the last FROM). */
    static String runtimeStage() {
        String text = dockerfile();
        int last = text.lastIndexOf("\nFROM ");
        return text.substring(last);
    }

    static String buildStage() {
        String text = dockerfile();
        return text.substring(text.indexOf("\nFROM "), text.lastIndexOf("\nFROM "));
    }

    @Test
    void buildsWithMavenOnJdk21AndRunsOnAJre21() {
        String text = dockerfile();
        assertThat(Pattern.compile("(?m)^FROM ").matcher(text).results().count()).as("stages").isGreaterThanOrEqualTo(2);
        assertThat(text).containsPattern("(?m)^ARG JDK_IMAGE=eclipse-temurin:21-jdk");
        assertThat(text).containsPattern("(?m)^ARG JRE_IMAGE=eclipse-temurin:21-jre");
        assertThat(buildStage()).contains("FROM ${JDK_IMAGE} AS build").contains("./mvnw").contains("-pl services/${SERVICE}-service -am");
        assertThat(runtimeStage()).contains("FROM ${JRE_IMAGE}");
        assertThat(text).containsPattern("(?m)^ARG SERVICE$");
    }

    @Test
    void runsAsANonRootUser() {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtimeStage());
        assertThat(user.find()).as("USER in the runtime stage").isTrue();
        String who = user.group(1).split(":")[0];
        assertThat(who).isNotIn("root", "0");
        // the Kubernetes security context uses the same numeric id
        assertThat(who).isEqualTo(String.valueOf(Y.integer(HelmValuesTest.values(), "podSecurityContext", "runAsUser")));
    }

    @Test
    void copiesTheBootLayersMostStableFirstAndStartsTheLauncher() {
        String text = dockerfile();
        assertThat(text).contains("-Djarmode=tools").contains("extract --layers --launcher");
        int previous = -1;
        for (String layer : LAYERS) {
            int at = runtimeStage().indexOf("/extracted/" + layer + "/");
            assertThat(at).as("COPY of layer %s", layer).isGreaterThan(previous);
            previous = at;
        }
        assertThat(runtimeStage()).contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void healthCheckAsksTheReadinessProbe() {
        Matcher health = Pattern.compile("(?ms)^HEALTHCHECK .*?CMD (.*?)$").matcher(runtimeStage());
        assertThat(health.find()).isTrue();
        assertThat(health.group(1)).contains(Actuator.readiness());
        assertThat(runtimeStage()).containsPattern("(?m)^EXPOSE ");
    }

    @Test
    void everyCopiedSourceExistsAndCoversEveryModuleOfTheReactor() {
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(?:--\\S+ )*(.+) (\\S+)$").matcher(dockerfile());
        while (copy.find()) {
            for (String source : copy.group(1).trim().split("\\s+")) {
                sources.add(source.endsWith("/") ? source.substring(0, source.length() - 1) : source);
            }
        }
        assertThat(sources).isNotEmpty();
        for (String source : sources) {
            assertThat(Repo.exists(source)).as("COPY source %s", source).isTrue();
        }
        // Maven reads every module of the root pom even with -pl: each must be in the build context
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repo.text("pom.xml"));
        while (module.find()) {
            String pom = module.group(1) + "/pom.xml";
            assertThat(sources).as("the image build copies %s", pom)
                    .anyMatch(s -> pom.equals(s) || pom.startsWith(s + "/"));
        }
    }

    @Test
    void dockerignoreKeepsLocalStateAndSecretsOut() {
        List<String> lines = Repo.text(".dockerignore").lines().map(String::trim).toList();
        assertThat(lines).contains(".git", "**/target/", ".infra/", ".env", "**/*.pem");
        // and does not hide what the build needs
        for (String needed : List.of("libs", "services", "database", "docker", ".mvn", "mvnw")) {
            assertThat(lines).as(".dockerignore must not exclude %s", needed).doesNotContain(needed, needed + "/");
        }
    }

    @Test
    void healthCheckHelperExitsZeroOnlyWhenTheEndpointAnswers200(@TempDir Path classes) throws Exception {
        var compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "a JDK (not a JRE) runs the tests");
        int compiled = compiler.run(null, null, null, "--release", "21", "-d", classes.toString(),
                Repo.path("docker/healthcheck/HealthCheck.java").toString());
        assertThat(compiled).isZero();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {200};
        server.createContext(Actuator.readiness(), exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(runHealthCheck(classes, port)).as("ready").isZero();
            status[0] = 503;
            assertThat(runHealthCheck(classes, port)).as("out of service").isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(runHealthCheck(classes, 1)).as("nothing listening").isEqualTo(1);
    }

    private static int runHealthCheck(Path classes, int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx16m", "-cp", classes.toString(), "HealthCheck", Actuator.readiness())
                .redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** When a service jar has been built, the layer names the Dockerfile copies are the ones Boot extracts. */
    @Test
    void builtJarExtractsIntoTheLayersTheDockerfileCopies(@TempDir Path out) throws Exception {
        Path jar = null;
        for (Architecture.Service s : Architecture.SERVICES) {
            Path candidate = Repo.path(s.dir() + "/target/" + s.fullName() + "-0.1.0-SNAPSHOT.jar");
            if (Files.isRegularFile(candidate)) {
                jar = candidate;
                break;
            }
        }
        assumeTrue(jar != null, "no service jar built yet (./mvnw package)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--launcher", "--destination", out.resolve("extracted").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        for (String layer : LAYERS) {
            assertThat(out.resolve("extracted/" + layer)).as("layer %s of %s", layer, jar.getFileName()).isDirectory();
        }
        assertThat(out.resolve("extracted/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class")).isRegularFile();
        assertThat(out.resolve("extracted/application/BOOT-INF/classes")).isDirectory();
    }
}
