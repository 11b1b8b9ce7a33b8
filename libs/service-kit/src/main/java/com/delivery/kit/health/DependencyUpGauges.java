package com.delivery.kit.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.context.SmartLifecycle;

/**
 * {@code platform_dependency_up{dependency="db|redis|kafka|mongo|elasticsearch"}}: 1 while the service's health
 * contributor of that name reports UP, 0 otherwise, for each of them the service has. Readiness no longer includes
 * shared dependencies (a broker outage would take every pod of every service out at once), so this gauge and its
 * alert are where an outage shows.
 *
 * <p>The checks run in the background every {@code interval}, all at once, each bounded by {@code timeout}; the
 * gauge only reads the last answer, so a scrape never waits for a dependency. NaN until the first answer.
 */
public class DependencyUpGauges implements SmartLifecycle {

    static final String METRIC = "platform.dependency.up";

    private static final Logger log = LoggerFactory.getLogger(DependencyUpGauges.class);

    private final HealthContributors contributors;
    private final MeterRegistry meters;
    private final List<String> dependencies;
    private final Duration interval;
    private final Duration timeout;
    private final Map<String, Dependency> known = new LinkedHashMap<>();
    private ExecutorService checks;
    private ScheduledThreadPoolExecutor refresher;
    private volatile boolean running;

    /**
     * @param contributors every health contributor of the service, by name (blocking and reactive alike)
     * @param dependencies the contributor names that are shared dependencies
     */
    public DependencyUpGauges(HealthContributors contributors, MeterRegistry meters, List<String> dependencies,
            Duration interval, Duration timeout) {
        this.contributors = contributors;
        this.meters = meters;
        this.dependencies = List.copyOf(dependencies);
        this.interval = interval;
        this.timeout = timeout;
    }

    /**
     * Checks every dependency once, in parallel, and updates the gauges; returns within about {@code timeout}.
     * Called by the background refresher, one round at a time.
     */
    public synchronized void refresh() {
        if (checks == null) {
            checks = newCheckThreads();
        }
        Map<Dependency, TimeBoundedCheck.Pending> started = new LinkedHashMap<>();
        for (String name : dependencies) {
            HealthContributor contributor = contributors.getContributor(name);
            Dependency dependency = known.get(name);
            if (contributor == null) {
                if (dependency != null) {
                    dependency.value = Double.NaN; // unregistered since: no longer known either way
                }
                continue;
            }
            if (dependency == null) {
                dependency = register(name);
            }
            started.put(dependency, dependency.check.start(contributor, checks));
        }
        Instant deadline = Instant.now().plus(timeout);
        started.forEach((dependency, pending) ->
                dependency.record(pending.await(Duration.between(Instant.now(), deadline)), timeout));
    }

    private Dependency register(String name) {
        Dependency dependency = new Dependency(name, new TimeBoundedCheck());
        Gauge.builder(METRIC, dependency, d -> d.value).tag("dependency", name)
                .description("1 while the dependency's health check reports UP, 0 when down or not answering in time")
                .strongReference(true).register(meters);
        known.put(name, dependency);
        return dependency;
    }

    private static ExecutorService newCheckThreads() {
        // platform threads, not virtual: drivers that block inside synchronized code would pin a carrier thread on
        // Java 21. A hanging check keeps its thread until it returns, but never more than one per dependency
        return Executors.newCachedThreadPool(Thread.ofPlatform().name("dependency-check-", 0).daemon().factory());
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Refreshing platform_dependency_up failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        refresher = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("dependency-health").daemon().factory());
        refresher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (refresher != null) {
            refresher.shutdown();
        }
        synchronized (this) {
            if (checks != null) {
                checks.shutdownNow();
                checks = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** What the gauge shows for one dependency, and its check. */
    private static final class Dependency {
        final String name;
        final TimeBoundedCheck check;
        volatile double value = Double.NaN;

        Dependency(String name, TimeBoundedCheck check) {
            this.name = name;
            this.check = check;
        }

        void record(TimeBoundedCheck.Outcome outcome, Duration timeout) {
            double previous = value;
            value = outcome.gaugeValue();
            boolean firstAnswerIsUp = Double.isNaN(previous) && outcome == TimeBoundedCheck.Outcome.UP;
            if (value != previous && !firstAnswerIsUp) {
                switch (outcome) {
                    case UP -> log.info("Dependency {} is up", name);
                    case DOWN -> log.warn("Dependency {} is down (its health check says so; /actuator/health has the details)", name);
                    case TIMED_OUT -> log.warn("Dependency {} counts as down: its health check did not answer within {} ms",
                            name, timeout.toMillis());
                }
            }
        }
    }
}
