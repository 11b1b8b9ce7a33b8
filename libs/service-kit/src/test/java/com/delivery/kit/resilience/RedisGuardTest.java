package com.delivery.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.kit.web.DependencyUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

class RedisGuardTest {

    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisGuard guard = new RedisGuard(Duration.ofSeconds(2), Duration.ofSeconds(10), FROZEN, meters);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void whileRedisAnswersItsAnswerIsUsed() {
        assertThat(guard.withFallback("cache", () -> "from redis", () -> "from the database")).isEqualTo("from redis");
        assertThat(guard.required("presence", () -> 7)).isEqualTo(7);
        assertThat(degraded("cache")).isZero();
    }

    @Test
    void aFailedCallFallsBackAndTheNextCallsDoNotEvenTry() {
        assertThat(guard.withFallback("cache", this::timesOut, () -> "from the database")).isEqualTo("from the database");

        assertThat(guard.withFallback("cache", this::counted, () -> "from the database")).isEqualTo("from the database");
        assertThat(guard.bestEffort("cache", () -> calls.incrementAndGet())).isFalse();
        assertThat(calls).as("skipped while cooling down").hasValue(0);
        assertThat(degraded("cache")).isEqualTo(3);
    }

    @Test
    void aRequiredCallIsA503WithRetryAfterWhileRedisIsAway() {
        assertThatThrownBy(() -> guard.required("presence", this::cannotConnect))
                .isInstanceOfSatisfying(DependencyUnavailableException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("dependency-unavailable");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(e.getCause()).isInstanceOf(RedisConnectionFailureException.class);
                });

        assertThatThrownBy(() -> guard.required("presence", this::counted))
                .isInstanceOf(DependencyUnavailableException.class);
        assertThat(calls).as("no connection: not even a required call waits to connect").hasValue(0);
    }

    @Test
    void aRequiredCallStillTriesAfterACommandTimedOutOnAConnection() {
        guard.withFallback("cache", this::timesOut, () -> null);

        assertThat(guard.required("presence", this::counted)).isEqualTo(1);
        assertThat(guard.isHealthy()).as("its answer ends the cool-down").isTrue();
    }

    @Test
    void anErrorReplyIsNoOutage() {
        assertThatThrownBy(() -> guard.required("presence", this::refusedScript))
                .isInstanceOf(RedisSystemException.class);
        assertThat(guard.withFallback("cache", this::refusedScript, () -> "fallback")).isEqualTo("fallback");

        assertThat(guard.isHealthy()).as("Redis is there; nothing to cool down").isTrue();
        assertThat(guard.withFallback("cache", this::counted, () -> 0)).isEqualTo(1);
    }

    @Test
    void aFailureThatIsNotRedissIsThrownAsItIsAndCoolsNothingDown() {
        assertThatThrownBy(() -> guard.withFallback("cache", this::unparsable, () -> "fallback"))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> guard.required("presence", this::unparsable))
                .isInstanceOf(NumberFormatException.class);

        assertThat(guard.isHealthy()).isTrue();
        assertThat(degraded("cache")).isZero();
    }

    @Test
    void aProbeThatFailsForAnotherReasonDoesNotKeepOthersFromProbing() {
        SettableClock clock = new SettableClock(FROZEN.instant());
        RedisGuard probing = new RedisGuard(Duration.ofSeconds(2), Duration.ofSeconds(10), clock, meters);
        probing.withFallback("cache", this::timesOut, () -> null);
        clock.now = FROZEN.instant().plusSeconds(3);

        assertThatThrownBy(() -> probing.withFallback("cache", this::unparsable, () -> "fallback"))
                .isInstanceOf(NumberFormatException.class);

        assertThat(probing.withFallback("cache", this::counted, () -> 0)).as("the next caller probes").isEqualTo(1);
        assertThat(probing.isHealthy()).isTrue();
    }

    private String unparsable() {
        return String.valueOf(Integer.parseInt("not a number"));
    }

    private String timesOut() {
        throw new QueryTimeoutException("Redis command timed out");
    }

    private String cannotConnect() {
        throw new RedisConnectionFailureException("Redis connection failed", new RedisConnectionException("refused"));
    }

    private String refusedScript() {
        throw new RedisSystemException("Error in execution", new RedisCommandExecutionException("ERR bad script"));
    }

    private Integer counted() {
        return calls.incrementAndGet();
    }

    private double degraded(String use) {
        return meters.find(RedisGuard.DEGRADED_METRIC).tag("use", use).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Time that a test moves on by hand. */
    private static final class SettableClock extends Clock {

        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
