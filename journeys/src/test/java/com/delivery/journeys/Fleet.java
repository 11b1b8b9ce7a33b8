package com.delivery.journeys;

import com.delivery.testsupport.FaultyTcpProxy;
import com.delivery.testsupport.Infra;
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
 *
 * <p>A fleet this run starts reaches Redis and Elasticsearch through {@link FaultyTcpProxy proxies} in this JVM, so the
 * fault journeys can make a store unreachable for the services without touching the server other test runs share.
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

    /** Between the fleet and Redis / Elasticsearch; null when an already running fleet is reused. */
    private static volatile Stores stores;

    /** The proxies a fault journey breaks. */
    record Stores(FaultyTcpProxy redis, FaultyTcpProxy elasticsearch) {
    }

    /** The proxies in front of the stores, when this run started the fleet (a reused fleet has none). */
    static java.util.Optional<Stores> stores() {
        return java.util.Optional.ofNullable(stores);
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(ENVIRONMENT);
        Stores current = stores;
        if (current != null) {
            environment.put("REDIS_PORT", String.valueOf(current.redis().port()));
            environment.put("ELASTICSEARCH_PORT", String.valueOf(current.elasticsearch().port()));
        }
        return environment;
    }

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
            builder.environment().putAll(environment());
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

    /** Starts services again (in parallel) and returns when every one of them answers {@code /readyz}. */
    static void start(String... services) {
        String[] args = new String[services.length + 1];
        args[0] = "start";
        System.arraycopy(services, 0, args, 1, services.length);
        fleet(START_TIMEOUT, args);
    }

    /** Kills the service's process with SIGKILL (no shutdown hook, no group leave) and waits until it is gone. */
    static void kill(String service) {
        Path pidFile = root().resolve(".run/" + service + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
            new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot kill " + service + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
            if (!reuse) {
                stores = new Stores(FaultyTcpProxy.to(Infra.REDIS), FaultyTcpProxy.to(Infra.ELASTICSEARCH));
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
                Stores current = stores;
                stores = null;
                if (current != null) {
                    current.redis().close();
                    current.elasticsearch().close();
                }
            }
        }

        long startedMillis() {
            return startedMillis;
        }
    }
}
