package com.delivery.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

class DependencyUpGaugesTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);
    static final List<String> DEPENDENCIES = List.of("db", "redis", "kafka", "mongo", "elasticsearch");

    final DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final DependencyUpGauges gauges = new DependencyUpGauges(registry, meters, DEPENDENCIES, Duration.ofSeconds(10),
            TIMEOUT);
    final HangingIndicator kafka = new HangingIndicator();

    @AfterEach
    void stop() {
        kafka.release();
        gauges.stop();
    }

    @Test
    void eachDependencyTheServiceHasIsOneWhileUpAndZeroOtherwise() {
        registry.registerContributor("db", (HealthIndicator) () -> Health.up().build());
        registry.registerContributor("redis", (HealthIndicator) () -> Health.down().withDetail("error", "refused").build());
        registry.registerContributor("mongo", (HealthIndicator) () -> {
            throw new IllegalStateException("a check that throws instead of saying DOWN");
        });
        registry.registerContributor("kafka", (HealthIndicator) () -> Health.outOfService().build());
        registry.registerContributor("diskSpace", (HealthIndicator) () -> Health.down().build());

        gauges.refresh();

        assertThat(value("db")).isEqualTo(1);
        assertThat(value("redis")).isZero();
        assertThat(value("mongo")).isZero();
        assertThat(value("kafka")).isZero();
        assertThat(meters.find(DependencyUpGauges.METRIC).tag("dependency", "elasticsearch").gauge())
                .as("a dependency the service does not have").isNull();
        assertThat(meters.find(DependencyUpGauges.METRIC).gauges()).as("only the shared dependencies").hasSize(4);
        assertThat(meters.scrape()).contains("platform_dependency_up{dependency=\"db\"} 1.0")
                .contains("platform_dependency_up{dependency=\"redis\"} 0.0");
    }

    @Test
    void aCompositeIsUpOnlyWhenAllItsPartsAre() {
        HealthIndicator up = () -> Health.up().build();
        registry.registerContributor("db", CompositeHealthContributor.fromMap(Map.of("orders", up, "reports", up)));
        registry.registerContributor("redis", CompositeHealthContributor.fromMap(
                Map.of("cache", up, "sessions", (HealthIndicator) () -> Health.down().build())));

        gauges.refresh();

        assertThat(value("db")).isEqualTo(1);
        assertThat(value("redis")).isZero();
    }

    @Test
    void aHangingCheckCountsAsDownAfterTheTimeoutAndIsNotPiledUp() {
        registry.registerContributor("db", (HealthIndicator) () -> Health.up().build());
        registry.registerContributor("kafka", kafka);
        kafka.hang();

        long started = System.nanoTime();
        gauges.refresh();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("one round is bounded by the timeout").isLessThan(TIMEOUT.plusSeconds(2));
        assertThat(value("kafka")).isZero();
        assertThat(value("db")).isEqualTo(1);

        gauges.refresh();
        assertThat(kafka.calls).as("the hanging check is not started again").hasValue(1);
        assertThat(value("kafka")).isZero();

        kafka.release();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            gauges.refresh();
            assertThat(value("kafka")).isEqualTo(1);
        });
    }

    @Test
    void aScrapeDuringAHangingCheckAnswersAtOnceWithTheLastAnswer() throws Exception {
        // a long timeout, so the round is surely still waiting while the scrape runs
        DependencyUpGauges patient = new DependencyUpGauges(registry, meters, DEPENDENCIES, Duration.ofSeconds(10),
                Duration.ofSeconds(3));
        registry.registerContributor("kafka", kafka);
        patient.refresh();
        assertThat(value("kafka")).isEqualTo(1);

        kafka.hang();
        CompletableFuture<Void> round = CompletableFuture.runAsync(patient::refresh);
        assertThat(kafka.entered.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        String scrape = meters.scrape();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(scrape).contains("platform_dependency_up{dependency=\"kafka\"} 1.0");

        round.get(10, TimeUnit.SECONDS);
        assertThat(value("kafka")).isZero();
        patient.stop();
    }

    @Test
    void theBackgroundRefresherFollowsTheDependency() {
        registry.registerContributor("db", (HealthIndicator) () -> Health.up().build());
        DependencyUpGauges background = new DependencyUpGauges(registry, meters, DEPENDENCIES, Duration.ofMillis(50),
                TIMEOUT);
        try {
            background.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> gauge("db") != null && value("db") == 1);
            registry.unregisterContributor("db");
            registry.registerContributor("db", (HealthIndicator) () -> Health.down().build());
            await().atMost(Duration.ofSeconds(5)).until(() -> value("db") == 0);
        } finally {
            background.stop();
        }
    }

    private Gauge gauge(String dependency) {
        return meters.find(DependencyUpGauges.METRIC).tag("dependency", dependency).gauge();
    }

    private double value(String dependency) {
        return meters.get(DependencyUpGauges.METRIC).tag("dependency", dependency).gauge().value();
    }

    /** UP, or, once told to hang, blocks until released. */
    static final class HangingIndicator implements HealthIndicator {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hang() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public Health health() {
            CountDownLatch current = gate;
            if (current.getCount() > 0) {
                calls.incrementAndGet();
                entered.countDown();
                try {
                    current.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Health.down().build();
                }
            }
            return Health.up().build();
        }
    }
}
