package com.delivery.kit.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PruningScheduleTest {

    static final PruningSchedule SCHEDULE = new PruningSchedule(Duration.ofMinutes(1), Duration.ofMinutes(10));
    static final Instant STARTED = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void theFirstRunIsDueShortlyAfterStart() {
        assertThat(SCHEDULE.isDue(STARTED, null, STARTED)).isFalse();
        assertThat(SCHEDULE.isDue(STARTED, null, STARTED.plusSeconds(59))).isFalse();
        assertThat(SCHEDULE.isDue(STARTED, null, STARTED.plusSeconds(60))).isTrue();
        assertThat(SCHEDULE.delayUntilNextRun(STARTED, null, STARTED.plusSeconds(15))).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void laterRunsAreDueAnIntervalAfterThePreviousOneEnded() {
        Instant lastEnded = STARTED.plus(Duration.ofMinutes(4)); // a long first run on a big backlog

        assertThat(SCHEDULE.nextRunAt(STARTED, lastEnded)).isEqualTo(STARTED.plus(Duration.ofMinutes(14)));
        assertThat(SCHEDULE.isDue(STARTED, lastEnded, lastEnded.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(SCHEDULE.isDue(STARTED, lastEnded, lastEnded.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void anOverdueRunWaitsNotAtAll() {
        assertThat(SCHEDULE.delayUntilNextRun(STARTED, STARTED, STARTED.plus(Duration.ofHours(1)))).isZero();
    }

    @Test
    void aNegativeDelayOrEmptyIntervalIsRefused() {
        assertThatThrownBy(() -> new PruningSchedule(Duration.ofSeconds(-1), Duration.ofMinutes(10)))
                .hasMessageContaining("platform.pruning.initial-delay");
        assertThatThrownBy(() -> new PruningSchedule(Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("platform.pruning.interval");
        assertThat(new PruningSchedule(Duration.ZERO, Duration.ofMinutes(10)).isDue(STARTED, null, STARTED)).isTrue();
    }
}
