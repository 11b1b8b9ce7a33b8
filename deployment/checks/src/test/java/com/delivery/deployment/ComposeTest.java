package com.delivery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.deployment.Architecture.Service;
import com.delivery.deployment.Architecture.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml: every service and store of the architecture, with health checks, ports and wiring. */
class ComposeTest {

    static Map<String, Object> compose;

    @BeforeAll
    static void load() {
        compose = Repo.yaml("docker-compose.yml");
    }

    static Map<String, Object> service(String name) {
        Map<String, Object> service = Y.map(compose, "services", name);
        assertThat(service).as("compose service %s", name).isNotEmpty();
        return service;
    }

    static List<Service> services() {
        return Architecture.SERVICES;
    }

    /** Container ports of "host:port", "ip:host:container", "${VAR:-1}:2/tcp" and plain numbers. */
    static Set<Integer> containerPorts(Map<String, Object> service) {
        Set<Integer> ports = new TreeSet<>();
        for (Object entry : Y.list(service, "ports")) {
            String s = entry instanceof Map<?, ?> m ? String.valueOf(m.get("target")) : String.valueOf(entry);
            String container = s.substring(s.lastIndexOf(':') + 1).replaceAll("/(tcp|udp)$", "");
            ports.add(Integer.valueOf(container));
        }
        return ports;
    }

    static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        if (env instanceof Map<?, ?>) {
            return Y.map(service, "environment");
        }
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (Object item : Y.list(service, "environment")) {
            String s = String.valueOf(item);
            int eq = s.indexOf('=');
            map.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
        }
        return map;
    }

    static String healthcheckCommand(Map<String, Object> service) {
        Object test = Y.get(service, "healthcheck", "test");
        return test instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : String.valueOf(test);
    }

    @Test
    void hasEveryStoreOfTheArchitectureWithTheRightImageAndPort() {
        assertThat(Y.str(service("postgres"), "image")).as("PostGIS on PostgreSQL 16").matches("postgis/postgis:16-.+");
        assertThat(containerPorts(service("postgres"))).contains(5432);
        assertThat(Y.str(service("redis"), "image")).as("Redis 7").matches("redis:7([.-].*)?");
        assertThat(containerPorts(service("redis"))).contains(6379);
        assertThat(Y.str(service("kafka"), "image")).as("Kafka 4.1 (KRaft)").matches("apache/kafka:4\\.1(\\.\\d+)?");
        assertThat(Y.str(service("elasticsearch"), "image")).as("Elasticsearch 9.2.2, the client's major")
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:9.2.2");
        assertThat(containerPorts(service("elasticsearch"))).contains(9200);
        assertThat(Y.str(service("mongodb"), "image")).as("MongoDB 7").matches("mongo:7([.-].*)?");
        assertThat(containerPorts(service("mongodb"))).contains(27017);
    }

    @Test
    void kafkaRunsInKraftModeWithoutZookeeper() {
        Map<String, Object> env = environment(service("kafka"));
        assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        assertThat(env).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
        assertThat(String.valueOf(env.get("KAFKA_LISTENERS"))).contains(":9092");
        assertThat(Y.map(compose, "services").keySet()).noneMatch(name -> name.contains("zookeeper"));
    }

    @Test
    void elasticsearchIsASingleNodeWithoutSecurity() {
        Map<String, Object> env = environment(service("elasticsearch"));
        assertThat(env.get("discovery.type")).isEqualTo("single-node");
        assertThat(String.valueOf(env.get("xpack.security.enabled"))).isEqualTo("false");
    }

    @Test
    void postgresRunsTheDatabaseInitScriptThatCreatesEveryServiceDatabase() {
        assertThat(Repo.exists("database/init/00-databases.sql")).isTrue();
        assertThat(Y.list(service("postgres"), "volumes")).map(String::valueOf)
                .anyMatch(v -> v.startsWith("./database/init/00-databases.sql:/docker-entrypoint-initdb.d/"));
        String sql = Repo.text("database/init/00-databases.sql");
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(?i)CREATE DATABASE\\s+(\\w+)").matcher(sql);
        while (m.find()) {
            created.add(m.group(1));
        }
        for (Service s : Architecture.SERVICES) {
            if (s.databaseName() != null) {
                assertThat(created).as("00-databases.sql creates %s's database", s.fullName()).contains(s.databaseName());
            }
        }
        // vendor keeps delivery zones as polygons: its database needs PostGIS
        assertThat(sql).containsPattern("(?s)\\\\connect vendors\\s+CREATE EXTENSION IF NOT EXISTS postgis");
    }

    @Test
    void everyContainerHasAHealthCheckAndEveryDependencyWaitsForIt() {
        Map<String, Object> services = Y.map(compose, "services");
        for (var entry : services.entrySet()) {
            Map<String, Object> service = Y.map(entry.getValue());
            if (Y.list(service, "profiles").isEmpty()) {
                assertThat(Y.get(service, "healthcheck", "test")).as("healthcheck of %s", entry.getKey()).isNotNull();
            }
            for (var dependency : Y.map(service, "depends_on").entrySet()) {
                assertThat(Y.str(dependency.getValue(), "condition"))
                        .as("%s waits for %s to be healthy", entry.getKey(), dependency.getKey()).isEqualTo("service_healthy");
                assertThat(Y.get(services, dependency.getKey(), "healthcheck", "test"))
                        .as("%s (a dependency of %s) has a health check", dependency.getKey(), entry.getKey()).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceIsBuiltFromTheSharedDockerfileWithItsPortsAndReadinessCheck(Service s) {
        Map<String, Object> service = service(s.fullName());
        assertThat(Y.str(service, "build", "dockerfile")).isEqualTo("Dockerfile");
        assertThat(Y.str(service, "build", "args", "SERVICE")).isEqualTo(s.name());
        assertThat(Y.str(service, "image")).contains("/" + s.fullName() + ":");
        Set<Integer> expected = new TreeSet<>(Set.of(s.port(), s.managementPort()));
        if (s.socketPort() != null) {
            expected.add(s.socketPort());
        }
        assertThat(containerPorts(service)).as("ports of %s", s.fullName()).containsAll(expected);
        assertThat(String.valueOf(environment(service).get("PORT"))).isEqualTo(String.valueOf(s.port()));
        assertThat(String.valueOf(environment(service).get("MANAGEMENT_PORT"))).isEqualTo(String.valueOf(s.managementPort()));
        if (s.socketPort() != null) {
            assertThat(String.valueOf(environment(service).get(s.socketPortVariable()))).isEqualTo(String.valueOf(s.socketPort()));
        }
        assertThat(healthcheckCommand(service)).as("health check of %s", s.fullName()).contains(Actuator.readiness());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceReachesEveryStoreItDeclaresAndWaitsForIt(Service s) {
        Map<String, Object> service = service(s.fullName());
        Map<String, Object> env = environment(service);
        Set<String> dependsOn = Y.map(service, "depends_on").keySet();
        List<String> problems = new ArrayList<>();
        for (Store store : s.stores()) {
            switch (store) {
                case POSTGRES -> {
                    expect(problems, env, "POSTGRES_HOST", "postgres");
                    expect(problems, env, "DB_NAME", s.databaseName());
                    expect(problems, env, "DB_USER", s.databaseName());
                    if (!String.valueOf(env.get("DB_PASSWORD")).startsWith("${")) {
                        problems.add("DB_PASSWORD must come from the environment (${...}), not be written here");
                    }
                    need(problems, dependsOn, "postgres");
                }
                case REDIS -> {
                    expect(problems, env, "REDIS_HOST", "redis");
                    need(problems, dependsOn, "redis");
                }
                case KAFKA -> {
                    expect(problems, env, "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
                    need(problems, dependsOn, "kafka");
                }
                case MONGODB -> {
                    if (!String.valueOf(env.get("MONGODB_URI")).contains("mongodb://mongodb:27017/")) {
                        problems.add("MONGODB_URI should default to mongodb://mongodb:27017/<db>, was " + env.get("MONGODB_URI"));
                    }
                    need(problems, dependsOn, "mongodb");
                }
                case ELASTICSEARCH -> {
                    expect(problems, env, "ELASTICSEARCH_URIS", "http://elasticsearch:9200");
                    need(problems, dependsOn, "elasticsearch");
                }
            }
        }
        if (!s.name().equals("user")) {
            expect(problems, env, "PLATFORM_SECURITY_JWKS_URI",
                    "http://user-service:" + Architecture.service("user").port() + "/.well-known/jwks.json");
        }
        if (s.name().equals("order")) {
            expect(problems, env, "VENDOR_SERVICE_URL", "http://vendor-service:" + Architecture.service("vendor").port());
        }
        assertThat(problems).as("wiring of %s (stores from its pom: %s)", s.fullName(), s.stores()).isEmpty();
    }

    private static void expect(List<String> problems, Map<String, Object> env, String name, String value) {
        if (!String.valueOf(value).equals(String.valueOf(env.get(name)))) {
            problems.add(name + " should be " + value + " but is " + env.get(name));
        }
    }

    private static void need(List<String> problems, Set<String> dependsOn, String store) {
        if (!dependsOn.contains(store)) {
            problems.add("depends_on lacks " + store);
        }
    }

    @Test
    void storesKeepTheirDataInNamedVolumes() {
        Set<String> declared = Y.map(compose, "volumes").keySet();
        for (String store : List.of("postgres", "redis", "kafka", "elasticsearch", "mongodb")) {
            List<String> named = Y.list(service(store), "volumes").stream().map(String::valueOf)
                    .filter(v -> !v.startsWith(".") && !v.startsWith("/")).map(v -> v.substring(0, v.indexOf(':'))).toList();
            assertThat(named).as("named data volume of %s", store).isNotEmpty();
            assertThat(declared).containsAll(named);
        }
    }

    @Test
    void mountedFilesExist() {
        for (Object service : Y.map(compose, "services").values()) {
            for (Object volume : Y.list(service, "volumes")) {
                String v = String.valueOf(volume);
                if (v.startsWith("./")) {
                    String source = v.substring(2, v.indexOf(':'));
                    assertThat(Repo.exists(source)).as("mounted %s exists", source).isTrue();
                }
            }
        }
    }
}
