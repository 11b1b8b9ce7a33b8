package com.delivery.kit.resilience;

import com.delivery.kit.web.DependencyUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The way request paths call Redis, so that Redis being away costs a request at most one command timeout and
 * usually nothing. Every call names its use (for the log and the metric) and says what happens without Redis:
 * <ul>
 *   <li>{@link #withFallback}: Redis only speeds the answer up (a cache, a counter that may be skipped): the
 *       fallback's answer instead;</li>
 *   <li>{@link #bestEffort}: a write that may be lost (a cache fill or eviction): skipped;</li>
 *   <li>{@link #required}: Redis holds the only copy (who is online, where a driver is): a 503
 *       {@link DependencyUnavailableException} with Retry-After.</li>
 * </ul>
 * After a failure that is an outage ({@link RedisFailures}) Redis is left alone for {@code platform.redis.cool-down}
 * ({@link CoolDown}) by every use in this service, then probed by one call at a time; a required call still
 * tries while the client is connected, so one slow answer does not become seconds of 503s. Each call made without
 * Redis counts in {@code redis_degraded_total{use,reason}}; the log gets one WARN per use at most every
 * {@code platform.redis.warn-every}, saying how many calls it stands for, and one INFO when Redis answers again.
 */
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    static final String DEGRADED_METRIC = "redis.degraded";

    private final CoolDown coolDown;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration warnEvery;
    private final Map<String, WarningThrottle> warnings = new ConcurrentHashMap<>();
    /** The last outage was a connection that could not be made (rather than a command without an answer). */
    private volatile boolean notConnected;

    public RedisGuard(Duration coolDown, Duration warnEvery, Clock clock, MeterRegistry meters) {
        this.coolDown = new CoolDown(coolDown);
        this.warnEvery = warnEvery;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The call's answer, or the fallback's when Redis is away or the call fails (a Redis failure is logged, not
     * thrown; the call should hold nothing but the Redis commands, since anything else it throws is thrown as is).
     */
    public <T> T withFallback(String use, Supplier<T> call, Supplier<T> fallback) {
        Attempt<T> attempt = attempt(use, call, false);
        return attempt.answered() ? attempt.value() : fallback.get();
    }

    /** Runs the call unless Redis is away; a failure is logged, not thrown. Returns whether it ran to its end. */
    public boolean bestEffort(String use, Runnable call) {
        return attempt(use, () -> {
            call.run();
            return Boolean.TRUE;
        }, false).answered();
    }

    /**
     * The call's answer; while Redis is away, or when the call meets an outage, a 503 problem with Retry-After. A
     * failure that is no outage (Redis refused the command) is thrown as it is.
     */
    public <T> T required(String use, Supplier<T> call) {
        Attempt<T> attempt = attempt(use, call, true);
        if (attempt.answered()) {
            return attempt.value();
        }
        if (attempt.failure() != null && !RedisFailures.isOutage(attempt.failure())) {
            throw attempt.failure();
        }
        throw new DependencyUnavailableException("This needs a store that is unavailable right now; try again shortly",
                retryAfter(), attempt.failure());
    }

    /** {@link #required} for a call without an answer. */
    public void requiredRun(String use, Runnable call) {
        required(use, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** Whether the last call answered (false during a cool-down and while probing after one). */
    public boolean isHealthy() {
        return coolDown.isHealthy();
    }

    /** When a request refused for Redis being away is worth sending again: whole seconds, at least one. */
    public Duration retryAfter() {
        long millis = coolDown.remaining(clock.millis()).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    /**
     * During a cool-down a call that may do without Redis does, at once. One that needs Redis still tries while
     * the client is connected (a command that times out costs one command timeout, and one slow answer must not
     * turn into seconds of 503s), but not while there is no connection to Redis at all: connecting happens under
     * a lock, so with Redis a blackhole every such call would queue behind the others' connect timeouts.
     */
    private <T> Attempt<T> attempt(String use, Supplier<T> call, boolean required) {
        if (!coolDown.permits(clock.millis()) && (!required || notConnected)) {
            degraded(use, "cooling-down", null);
            return new Attempt<>(false, null, null);
        }
        try {
            T value = call.get();
            notConnected = false;
            answered(use);
            return new Attempt<>(true, value, null);
        } catch (RuntimeException e) {
            if (!isFromRedis(e)) {
                coolDown.abandoned();
                throw e; // a mistake in the call itself (say, a value it could not parse): no Redis trouble
            }
            if (RedisFailures.isOutage(e)) {
                notConnected = RedisFailures.isConnectFailure(e);
                coolDown.failed(clock.millis());
                degraded(use, "unavailable", e);
            } else {
                // Redis is there and refused this command: no reason to leave it alone, but still no answer
                answered(use);
                degraded(use, "error", e);
            }
            return new Attempt<>(false, null, e);
        }
    }

    /** Spring Data Redis turns the client's exceptions into data-access ones; a raw Lettuce one may slip through. */
    private static boolean isFromRedis(RuntimeException e) {
        return e instanceof DataAccessException || e.getClass().getName().startsWith("io.lettuce.");
    }

    private void answered(String use) {
        if (coolDown.succeeded()) {
            log.info("Redis answers again ({}); every use calls it again", use);
        }
    }

    private void degraded(String use, String reason, RuntimeException failure) {
        meters.counter(DEGRADED_METRIC, "use", use, "reason", reason).increment();
        OptionalLong occurrences = warnings.computeIfAbsent(use, u -> new WarningThrottle(warnEvery))
                .occurred(clock.millis());
        if (occurrences.isEmpty()) {
            return;
        }
        if (failure == null || RedisFailures.isOutage(failure)) {
            log.warn("Redis unavailable for {}: {} call(s) went without it since the last such line (at most one "
                    + "every {} s); after a failure Redis is left alone for a while. Last: {}", use,
                    occurrences.getAsLong(), warnEvery.toSeconds(),
                    failure == null ? "skipped while Redis cools down" : failure.toString());
        } else {
            log.warn("Redis refused a command for {}: {} call(s) since the last such line. Last: {}", use,
                    occurrences.getAsLong(), failure.toString(), failure);
        }
    }

    private record Attempt<T>(boolean answered, T value, RuntimeException failure) {
    }
}
