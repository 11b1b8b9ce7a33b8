package com.delivery.kit.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final KafkaReplayWindow KAFKA_DEFAULTS = new KafkaReplayWindow(Duration.ofDays(7), Duration.ofDays(7));
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void aRecordCanBeReplayedUntilItsWholeSegmentIsPastRetention() {
        assertThat(KAFKA_DEFAULTS.oldestReplayableRecord()).isEqualTo(Duration.ofDays(14));
        assertThat(new KafkaReplayWindow(Duration.ofHours(168), Duration.ofHours(1)).oldestReplayableRecord())
                .isEqualTo(Duration.ofHours(169));
    }

    @Test
    void cutoffsAreNowMinusEachRetention() {
        RetentionPolicy policy = RetentionPolicy.outliving(KAFKA_DEFAULTS, Duration.ofDays(3), Duration.ofDays(15));

        assertThat(policy.outboxCutoff(NOW)).isEqualTo(Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(policy.processedEventsCutoff(NOW)).isEqualTo(Instant.parse("2026-02-23T12:00:00Z"));
    }

    @Test
    void theDefaultsOutliveKafka() {
        assertThat(new RetentionPolicy(Duration.ofDays(3), Duration.ofDays(15)).outlives(KAFKA_DEFAULTS)).isTrue();
    }

    @Test
    void aDedupRetentionKafkaCouldOutlastIsRefusedNamingWhatWouldDo() {
        assertThatThrownBy(() -> RetentionPolicy.outliving(KAFKA_DEFAULTS, Duration.ofDays(3), Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("platform.pruning.processed-events-retention (8d) must be longer than Kafka")
                .hasMessageContaining("kafka-log-retention (7d) + kafka-log-roll (7d) = 14d")
                .hasMessageContaining("Set it above 14d");
    }

    @Test
    void exactlyTheReplayWindowIsNotEnough() {
        assertThatThrownBy(() -> RetentionPolicy.outliving(KAFKA_DEFAULTS, Duration.ofDays(3), Duration.ofDays(14)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetentionPolicy.outliving(KAFKA_DEFAULTS, Duration.ofDays(3), Duration.ofDays(14).plusHours(1))
                .processedEventsRetention()).isEqualTo(Duration.ofHours(337));
    }

    @Test
    void shorterTopicsAllowAShorterDedupRetention() {
        KafkaReplayWindow oneDayTopics = new KafkaReplayWindow(Duration.ofDays(1), Duration.ofHours(6));

        assertThat(RetentionPolicy.outliving(oneDayTopics, Duration.ofDays(1), Duration.ofDays(2)).outlives(oneDayTopics))
                .isTrue();
        assertThatThrownBy(() -> RetentionPolicy.outliving(oneDayTopics, Duration.ofDays(1), Duration.ofHours(30)))
                .hasMessageContaining("(30h)").hasMessageContaining("= 30h");
    }

    @Test
    void retentionsMustBePositive() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ZERO, Duration.ofDays(15)))
                .hasMessageContaining("platform.pruning.outbox-retention");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(3), Duration.ofDays(-1)))
                .hasMessageContaining("platform.pruning.processed-events-retention");
        assertThatThrownBy(() -> new KafkaReplayWindow(Duration.ofDays(7), null))
                .hasMessageContaining("platform.pruning.kafka-log-roll");
    }
}
