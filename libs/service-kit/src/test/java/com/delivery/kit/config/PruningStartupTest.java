package com.delivery.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The start-up check of the pruning settings, in a context with nothing else in it. */
class PruningStartupTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KitPruningAutoConfiguration.class));

    @Test
    void theDefaultsStart() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            PruningProperties properties = started.getBean(PruningProperties.class);
            assertThat(properties.outboxRetention()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.processedEventsRetention()).isEqualTo(Duration.ofDays(15));
            assertThat(properties.batchSize()).isEqualTo(5000);
            assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void aDedupRetentionShorterThanKafkaCanRedeliverStopsTheStart() {
        context.withPropertyValues("platform.pruning.processed-events-retention=8d").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("platform.pruning.processed-events-retention (8d) must be longer")
                    .hasMessageContaining("= 14d");
        });
    }

    @Test
    void theCheckUsesTheTopicRetentionItIsConfiguredWith() {
        context.withPropertyValues("platform.pruning.processed-events-retention=8d",
                "platform.pruning.kafka-log-retention=3d", "platform.pruning.kafka-log-roll=1d")
                .run(started -> assertThat(started).hasNotFailed());
        context.withPropertyValues("platform.pruning.kafka-log-retention=30d")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("processed-events-retention (15d)").hasMessageContaining("= 37d"));
    }

    @Test
    void nothingIsCheckedWhenPruningIsOff() {
        context.withPropertyValues("platform.pruning.enabled=false", "platform.pruning.processed-events-retention=1d")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
