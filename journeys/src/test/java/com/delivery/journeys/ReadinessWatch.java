package com.delivery.journeys;

import com.delivery.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every service's {@code /readyz} twice a second, as the kubelet would, while a fault is on, and remembers each
 * answer that would have taken a pod out of its Service: not 200, or not within the probe's one-second timeout.
 */
final class ReadinessWatch implements AutoCloseable {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PERIOD = Duration.ofMillis(500);

    private final Map<String, ApiClient> probes = new LinkedHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("readiness-watch").factory());

    private ReadinessWatch(Platform platform) {
        probes.put("user", platform.users.withTimeout(PROBE_TIMEOUT));
        probes.put("order", platform.orders.withTimeout(PROBE_TIMEOUT));
        probes.put("vendor", platform.vendors.withTimeout(PROBE_TIMEOUT));
        probes.put("driver", platform.drivers.withTimeout(PROBE_TIMEOUT));
        probes.put("payment", platform.payments.withTimeout(PROBE_TIMEOUT));
        probes.put("tracking", platform.tracking.withTimeout(PROBE_TIMEOUT));
        probes.put("notification", platform.notifications.withTimeout(PROBE_TIMEOUT));
        // the probe period, as in the pod spec
        watcher.scheduleWithFixedDelay(this::probeAll, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ReadinessWatch start(Platform platform) {
        return new ReadinessWatch(platform);
    }

    private void probeAll() {
        probes.forEach((service, probe) -> {
            try {
                int status = probe.get("/readyz", null).status();
                if (status != 200) {
                    failures.add(service + " answered " + status);
                }
            } catch (RuntimeException e) {
                failures.add(service + " did not answer within " + PROBE_TIMEOUT.toMillis() + " ms: " + e);
            }
        });
        rounds.incrementAndGet();
    }

    /** How many times every service was asked. */
    int rounds() {
        return rounds.get();
    }

    /** Every answer that was not "ready", with the service's name. */
    List<String> failures() {
        return new ArrayList<>(failures);
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
