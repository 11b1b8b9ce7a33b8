package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.kit.pruning.RetentionPruner;
import com.delivery.kit.pruning.ScheduledRetentionPruning;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The kit's background jobs of issue 15 in a service-like context: the dependency gauge and the pruner. */
@SpringBootTest
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA, Infra.MONGODB})
class DependencyUpGaugeIT {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    @Test
    void everySharedDependencyTheServiceHasIsReportedUp() {
        // db (Boot's), redis (Boot's reactive one), kafka and mongo (the kit's): all answering here
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String dependency : new String[] {"db", "redis", "kafka", "mongo"}) {
                Gauge gauge = meters.find("platform.dependency.up").tag("dependency", dependency).gauge();
                assertThat(gauge).as(dependency).isNotNull();
                assertThat(gauge.value()).as(dependency).isEqualTo(1.0);
            }
        });
        assertThat(meters.find("platform.dependency.up").tag("dependency", "elasticsearch").gauge())
                .as("no Elasticsearch client in this service").isNull();
    }

    @Test
    void theOutboxAndProcessedEventsArePrunedInTheBackground() {
        assertThat(context.getBeansOfType(ScheduledRetentionPruning.class)).hasSize(1);
        assertThat(context.getBean(ScheduledRetentionPruning.class).isRunning()).isTrue();
        assertThat(context.getBeansOfType(RetentionPruner.class)).hasSize(1);
        assertThat(meters.find("outbox.pruned.rows").tag("table", "outbox").counter()).isNotNull();
        assertThat(meters.find("outbox.pruned.rows").tag("table", "processed_events").counter()).isNotNull();
    }
}
