package com.delivery.kit.pruning;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the {@link RetentionPruner} on its {@link PruningSchedule}, on one background thread, while the service runs. */
public class ScheduledRetentionPruning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRetentionPruning.class);

    private final RetentionPruner pruner;
    private final PruningSchedule schedule;
    private final Clock clock;
    private volatile boolean running;
    private ScheduledThreadPoolExecutor executor;
    private Instant startedAt;
    private Instant lastRunEnded;

    public ScheduledRetentionPruning(RetentionPruner pruner, PruningSchedule schedule, Clock clock) {
        this.pruner = pruner;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public void start() {
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("retention-pruner").daemon().factory());
        // on stop, a run waiting for its time is dropped; one in progress ends after its current batch
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        startedAt = clock.instant();
        lastRunEnded = null;
        running = true;
        scheduleNext();
    }

    private void scheduleNext() {
        if (running) {
            long delay = schedule.delayUntilNextRun(startedAt, lastRunEnded, clock.instant()).toMillis();
            try {
                executor.schedule(this::runIfDue, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stoppedMeanwhile) {
                // stop() came between the check and the schedule: nothing left to do
            }
        }
    }

    private void runIfDue() {
        try {
            // the executor may wake up a little early (or the clock was set back): then it only waits again
            if (running && schedule.isDue(startedAt, lastRunEnded, clock.instant())) {
                pruner.pruneExpired(() -> running);
                lastRunEnded = clock.instant();
            }
        } catch (RuntimeException e) {
            lastRunEnded = clock.instant();
            log.warn("Pruning outbox and processed_events failed, trying again in {}: {}", schedule.interval(),
                    e.toString());
        } finally {
            scheduleNext();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
