package com.delivery.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

/**
 * On machines with a Docker engine and no configured servers, runs the real images and publishes their mapped
 * endpoints as the same variables the services read. Containers live for the test JVM (Ryuk removes them).
 */
final class DockerFallback {

    private DockerFallback() {
    }

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static void start(Infra infra) {
        if (infra == Infra.KAFKA) {
            KafkaContainer kafka = new KafkaContainer(infra.image());
            kafka.start();
            System.setProperty("KAFKA_BOOTSTRAP_SERVERS", kafka.getBootstrapServers());
            return;
        }
        GenericContainer<?> container = new GenericContainer<>(infra.image()).withExposedPorts(infra.defaultPort());
        switch (infra) {
            case POSTGRES -> container
                    .withEnv("POSTGRES_PASSWORD", "postgres")
                    .withCopyFileToContainer(MountableFile.forHostPath(initScript()),
                            "/docker-entrypoint-initdb.d/00-databases.sql")
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
            case ELASTICSEARCH -> container
                    .withEnv("discovery.type", "single-node")
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                    .waitingFor(Wait.forHttp("/_cluster/health").forPort(9200)
                            .withStartupTimeout(Duration.ofMinutes(2)));
            default -> {
            }
        }
        container.start();
        System.setProperty(infra.hostVariable(), container.getHost());
        System.setProperty(infra.portVariable(), String.valueOf(container.getMappedPort(infra.defaultPort())));
    }

    private static Path initScript() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("database/init/00-databases.sql").toFile().exists()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("database/init/00-databases.sql not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("database/init/00-databases.sql");
    }
}
