package com.delivery.kit.config;

import com.delivery.kit.pruning.KafkaReplayWindow;
import com.delivery.kit.pruning.PruningSchedule;
import com.delivery.kit.pruning.RetentionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pruning of the kit's {@code outbox} and {@code processed_events} tables, under {@code platform.pruning.*}. Checked
 * when bound: a processed-events retention Kafka could outlast stops the service at start-up (docs/RUNBOOK.md
 * "Pruning").
 *
 * @param outboxRetention          published outbox rows are kept this long after publication, for forensics only
 * @param processedEventsRetention processed-event records are kept this long; must exceed kafka-log-retention +
 *                                 kafka-log-roll (15d = 7d + 7d + a day's margin for clocks and the prune interval)
 * @param kafkaLogRetention        the topics' retention.ms (broker log.retention.hours; 168 h on MSK and locally)
 * @param kafkaLogRoll             the topics' segment.ms (broker log.roll.hours; Kafka's default 168 h, set nowhere)
 * @param batchSize                rows per delete statement
 * @param initialDelay             from start-up to the first run
 * @param interval                 from the end of one run to the next
 */
@ConfigurationProperties("platform.pruning")
public record PruningProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3d") Duration outboxRetention,
        @DefaultValue("15d") Duration processedEventsRetention,
        @DefaultValue("7d") Duration kafkaLogRetention,
        @DefaultValue("7d") Duration kafkaLogRoll,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("10m") Duration interval) {

    public PruningProperties {
        if (enabled) {
            // fail the binding, so the start-up report names the property and what would be acceptable
            policy(kafkaLogRetention, kafkaLogRoll, outboxRetention, processedEventsRetention);
            new PruningSchedule(initialDelay, interval);
            if (batchSize <= 0) {
                throw new IllegalArgumentException("platform.pruning.batch-size must be positive, not " + batchSize);
            }
        }
    }

    public RetentionPolicy policy() {
        return policy(kafkaLogRetention, kafkaLogRoll, outboxRetention, processedEventsRetention);
    }

    public PruningSchedule schedule() {
        return new PruningSchedule(initialDelay, interval);
    }

    private static RetentionPolicy policy(Duration kafkaLogRetention, Duration kafkaLogRoll, Duration outboxRetention,
            Duration processedEventsRetention) {
        return RetentionPolicy.outliving(new KafkaReplayWindow(kafkaLogRetention, kafkaLogRoll), outboxRetention,
                processedEventsRetention);
    }
}
