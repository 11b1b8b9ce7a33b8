package com.delivery.kit.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * One dependency's health check, run on its own thread so that a check that hangs (a connection pool waiting 30 s
 * for a database that does not answer) costs only its own answer. A check still running from an earlier round is
 * not started again: it already took longer than allowed, so the dependency counts as down until it returns.
 */
final class TimeBoundedCheck {

    private CompletableFuture<Boolean> running;

    /** Starts the check on {@code executor} (or notes that the previous one is still running); does not wait for it. */
    Pending start(HealthContributor contributor, Executor executor) {
        if (running != null && !running.isDone()) {
            return new Pending(CompletableFuture.completedFuture(false), true);
        }
        running = CompletableFuture.supplyAsync(() -> ContributorStatus.isUp(contributor), executor);
        return new Pending(running, false);
    }

    /**
     * A started check.
     *
     * @param stillRunningFromBefore the previous check had not returned, so none was started
     */
    record Pending(CompletableFuture<Boolean> answer, boolean stillRunningFromBefore) {

        /** The answer, or down when the check failed or has not answered within {@code wait}. */
        Outcome await(Duration wait) {
            if (stillRunningFromBefore) {
                return Outcome.TIMED_OUT;
            }
            try {
                return answer.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS) ? Outcome.UP : Outcome.DOWN;
            } catch (TimeoutException e) {
                return Outcome.TIMED_OUT;
            } catch (ExecutionException e) {
                return Outcome.DOWN;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.TIMED_OUT;
            }
        }
    }

    enum Outcome {
        UP, DOWN, TIMED_OUT;

        double gaugeValue() {
            return this == UP ? 1 : 0;
        }
    }
}
