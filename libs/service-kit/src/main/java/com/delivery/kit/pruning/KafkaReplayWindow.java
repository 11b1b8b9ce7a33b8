package com.delivery.kit.pruning;

import java.time.Duration;

/**
 * How long after it was written Kafka may still hand a record to a consumer again: a consumer group reset to the
 * earliest offset, or one whose committed offsets expired (a service down for {@code offsets.retention.minutes},
 * then {@code auto-offset-reset: earliest}), replays everything the topic still holds.
 *
 * <p>That is more than {@code log.retention}: Kafka deletes whole segments, and only once the newest record in the
 * segment is older than the retention. A segment takes records for up to {@code log.roll} (segment.ms) before the
 * next one starts, so its first record can be {@code log.roll + log.retention} old when it goes. Our topics are
 * small, so their segments roll by time, not by size (1 GiB).
 *
 * @param logRetention the topics' {@code retention.ms} (broker {@code log.retention.hours}, default 168 h)
 * @param logRoll      the topics' {@code segment.ms} (broker {@code log.roll.hours}, default 168 h)
 */
public record KafkaReplayWindow(Duration logRetention, Duration logRoll) {

    public KafkaReplayWindow {
        Durations.requirePositive("kafka-log-retention", logRetention);
        Durations.requirePositive("kafka-log-roll", logRoll);
    }

    /** The age of the oldest record a topic may still hold. */
    public Duration oldestReplayableRecord() {
        return logRetention.plus(logRoll);
    }
}
