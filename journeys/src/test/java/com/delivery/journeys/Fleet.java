package com.delivery.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the seven services once for the whole test run with {@code scripts/fleet.sh start} (separate processes, the
 * jars the reactor just packaged) and stops them with {@code scripts/fleet.sh stop} when the run ends (a value in
 * the root store, closed by JUnit after the last test class).
 *
 * <p>What the journeys need from the fleet comes as environment variables: the Stripe webhook signing secret (the
 * simulated gateway completes a payment only through a signed webhook) and a short matching give-up time so "no
 * driver available" is reached in seconds. {@code -Djourneys.reuseFleet=true} uses a fleet that is already running
 * (started with {@link #ENVIRONMENT}) and leaves it running.
 */
public final class Fleet implements BeforeAllCallback {

    /** Signs the journeys' Stripe webhooks; the payment service verifies them with it. Local tests only. */
    public static final String WEBHOOK_SECRET = "whsec_journeys_local_only_not_a_secret";

    static final Map<String, String> ENVIRONMENT = Map.of(
            "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET,
            // matching gives up after 20 s without an acceptance (default 5 min) and widens its radius every 2 s
            "DRIVER_GIVE_UP_AFTER", "20s",
            "DRIVER_MATCHING_RETRYINTERVAL", "2s",
            // seven JVMs starting at once on a small, busy machine: give them time (fleet.sh default 300 s), and
            // compile with C1 only, which starts them sooner; the journeys need no peak throughput
            "READY_TIMEOUT", "600",
            "SERVICE_JAVA_OPTS", "-XX:TieredStopAtLevel=1",
            // every journey's customer comes from loopback, like one huge NAT, and login failures of earlier runs
            // stay counted in Redis for an hour: the address-wide login allowance must not throttle new accounts
            "LOGIN_ADDRESS_MAX_FAILURES", "1000000");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(12);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    static Path root() {
        String configured = System.getProperty("journeys.root");
        Path root = configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured);
        root = root.toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("scripts/fleet.sh"))) {
            throw new IllegalStateException("scripts/fleet.sh not found under " + root + " (set -Djourneys.root)");
        }
        return root;
    }

    /** Runs {@code scripts/fleet.sh <args>} with the journeys' environment; output goes to .run/logs/journeys-fleet.log. */
    static void fleet(Duration timeout, String... args) {
        Path root = root();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("scripts/fleet.sh").toString()));
        command.addAll(List.of(args));
        try {
            Path log = root.resolve(".run/logs/journeys-fleet.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(ENVIRONMENT);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("fleet.sh " + String.join(" ", args) + " took longer than " + timeout
                        + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("fleet.sh " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "):\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static boolean anyRunning() {
        Path run = root().resolve(".run");
        try (var pids = Files.list(run)) {
            return pids.filter(p -> p.getFileName().toString().endsWith(".pid")).anyMatch(p -> {
                try {
                    return Files.isDirectory(Path.of("/proc", Files.readString(p).trim()));
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException noRunDirectory) {
            return false;
        }
    }

    /** Restarts one service mid-journey, the way an operator or a crash-looping pod would. */
    static void restart(String service) {
        fleet(START_TIMEOUT, "restart", service);
    }

    /** The fleet of this run; closing it stops the services (unless an already running fleet was reused). */
    static final class Running implements AutoCloseable {

        private final boolean owned;
        private final long startedMillis;

        private Running(boolean owned, long startedMillis) {
            this.owned = owned;
            this.startedMillis = startedMillis;
        }

        static Running start() {
            boolean reuse = Boolean.getBoolean("journeys.reuseFleet");
            long begin = System.nanoTime();
            if (!reuse && anyRunning()) {
                // someone's fleet, started without the journeys' settings: not ours to stop, not ours to use
                throw new IllegalStateException("services started by scripts/fleet.sh are already running; stop them "
                        + "(scripts/fleet.sh stop) or run with -Djourneys.reuseFleet=true");
            }
            try {
                fleet(START_TIMEOUT, "start");
            } catch (RuntimeException failed) {
                if (!reuse) {
                    // a half-started fleet must not outlive the run that started it
                    fleet(Duration.ofMinutes(2), "stop");
                }
                throw failed;
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            System.out.printf("[journeys] fleet ready after %.1f s%n", millis / 1000.0);
            return new Running(!reuse, millis);
        }

        @Override
        public void close() {
            if (owned) {
                fleet(Duration.ofMinutes(2), "stop");
            }
        }

        long startedMillis() {
            return startedMillis;
        }
    }
}
