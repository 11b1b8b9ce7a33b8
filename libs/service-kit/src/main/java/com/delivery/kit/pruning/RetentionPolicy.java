package com.delivery.kit.pruning;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the kit's bookkeeping rows are kept.
 *
 * <ul>
 * <li>A published outbox row is never read again (the relay only reads unpublished ones); it is kept a while for
 * forensics ("was this event ever sent, and when?"). Unpublished rows are never pruned, whatever their age.</li>
 * <li>A {@code processed_events} row is what makes a redelivered event a no-op, so it must outlive every chance
 * Kafka has of delivering that event again ({@link KafkaReplayWindow}); pruned earlier, a replay would apply the
 * event a second time.</li>
 * </ul>
 */
public record RetentionPolicy(Duration outboxRetention, Duration processedEventsRetention) {

    public RetentionPolicy {
        Durations.requirePositive("outbox-retention", outboxRetention);
        Durations.requirePositive("processed-events-retention", processedEventsRetention);
    }

    /**
     * The policy, refused when processed events would be forgotten while Kafka can still redeliver them.
     *
     * @throws IllegalArgumentException naming the properties and the smallest acceptable value
     */
    public static RetentionPolicy outliving(KafkaReplayWindow kafka, Duration outboxRetention,
            Duration processedEventsRetention) {
        RetentionPolicy policy = new RetentionPolicy(outboxRetention, processedEventsRetention);
        if (!policy.outlives(kafka)) {
            throw new IllegalArgumentException("platform.pruning.processed-events-retention ("
                    + Durations.format(processedEventsRetention) + ") must be longer than Kafka may redeliver an event: "
                    + "kafka-log-retention (" + Durations.format(kafka.logRetention()) + ") + kafka-log-roll ("
                    + Durations.format(kafka.logRoll()) + ") = " + Durations.format(kafka.oldestReplayableRecord())
                    + ". Pruned sooner, a consumer replaying the topic would apply an event a second time. Set it above "
                    + Durations.format(kafka.oldestReplayableRecord()) + ", or set kafka-log-retention and kafka-log-roll "
                    + "to the topics' real retention.ms and segment.ms.");
        }
        return policy;
    }

    /** True when a processed event is remembered for longer than Kafka may hand it back. */
    public boolean outlives(KafkaReplayWindow kafka) {
        return processedEventsRetention.compareTo(kafka.oldestReplayableRecord()) > 0;
    }

    /** Outbox rows published before this instant may go. */
    public Instant outboxCutoff(Instant now) {
        return now.minus(outboxRetention);
    }

    /** Processed-event records written before this instant may go. */
    public Instant processedEventsCutoff(Instant now) {
        return now.minus(processedEventsRetention);
    }
}
