package com.delivery.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts the project's local Kafka broker (scripts/infra.sh), to test behaviour during an outage. */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void stop() {
        infra("stop");
    }

    public static void start() {
        infra("start");
    }

    private static void infra(String action) {
        Path root = projectRoot();
        File log = root.resolve("target").resolve("local-kafka-" + action + ".log").toFile();
        log.getParentFile().mkdirs();
        try {
            Process process = new ProcessBuilder(root.resolve("scripts/infra.sh").toString(), action, "kafka")
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/infra.sh " + action + " kafka failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run scripts/infra.sh: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/infra.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/infra.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
