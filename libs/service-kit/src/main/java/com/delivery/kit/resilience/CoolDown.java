package com.delivery.kit.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether to call a dependency that just failed. After a failure the dependency is left alone for the cool-down,
 * so the requests meanwhile do not each wait for their own timeout; once it is over, one call at a time probes it
 * while the others keep doing without, until a call succeeds. Thread-safe; times are epoch milliseconds, so the
 * caller's clock decides (and tests need no sleeping).
 */
public final class CoolDown {

    private static final long HEALTHY = Long.MIN_VALUE;

    private final long coolDownMillis;
    private final AtomicLong coolingUntil = new AtomicLong(HEALTHY);
    private final AtomicBoolean probing = new AtomicBoolean();

    public CoolDown(Duration coolDown) {
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("the cool-down must not be negative: " + coolDown);
        }
        this.coolDownMillis = coolDown.toMillis();
    }

    /**
     * Whether a call may go to the dependency now: always while it is healthy, never during the cool-down, and
     * afterwards only for the one caller that gets to probe it (until that call reports back).
     */
    public boolean permits(long now) {
        long until = coolingUntil.get();
        if (until == HEALTHY) {
            return true;
        }
        if (now < until) {
            return false;
        }
        return probing.compareAndSet(false, true);
    }

    /** A call answered: the dependency is healthy. Returns whether it was not until now (it recovered). */
    public boolean succeeded() {
        probing.set(false);
        return coolingUntil.getAndSet(HEALTHY) != HEALTHY;
    }

    /** A call failed: the cool-down starts (again) now. Returns whether the dependency counted as healthy until now. */
    public boolean failed(long now) {
        boolean wasHealthy = coolingUntil.getAndSet(now + coolDownMillis) == HEALTHY;
        probing.set(false);
        return wasHealthy;
    }

    /** A call that may have been the probe ended without telling anything about the dependency: another may probe. */
    public void abandoned() {
        probing.set(false);
    }

    public boolean isHealthy() {
        return coolingUntil.get() == HEALTHY;
    }

    /** How long until the dependency is worth trying again: zero while healthy or once the cool-down is over. */
    public Duration remaining(long now) {
        long until = coolingUntil.get();
        return until == HEALTHY || until <= now ? Duration.ZERO : Duration.ofMillis(until - now);
    }
}
