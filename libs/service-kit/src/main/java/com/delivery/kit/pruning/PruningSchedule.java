package com.delivery.kit.pruning;

import java.time.Duration;
import java.time.Instant;

/**
 * When the pruner runs: once shortly after start (not at start: the service has enough to do then), then every
 * {@code interval} after the previous run ended, so a long first run on a big backlog never overlaps the next.
 *
 * @param initialDelay from start to the first run
 * @param interval     from the end of one run to the start of the next
 */
public record PruningSchedule(Duration initialDelay, Duration interval) {

    public PruningSchedule {
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("platform.pruning.initial-delay must not be negative, not " + initialDelay);
        }
        Durations.requirePositive("interval", interval);
    }

    /**
     * @param startedAt     when the pruner started
     * @param lastRunEnded  when the last run ended, null before the first
     */
    public Instant nextRunAt(Instant startedAt, Instant lastRunEnded) {
        return lastRunEnded == null ? startedAt.plus(initialDelay) : lastRunEnded.plus(interval);
    }

    public boolean isDue(Instant startedAt, Instant lastRunEnded, Instant now) {
        return !now.isBefore(nextRunAt(startedAt, lastRunEnded));
    }

    /** How long to wait from {@code now}; zero when already due. */
    public Duration delayUntilNextRun(Instant startedAt, Instant lastRunEnded, Instant now) {
        Duration delay = Duration.between(now, nextRunAt(startedAt, lastRunEnded));
        return delay.isNegative() ? Duration.ZERO : delay;
    }
}
