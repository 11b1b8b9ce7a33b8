package com.delivery.kit.ratelimit;

import com.delivery.kit.resilience.RedisGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed-window counters in Redis, shared by every instance of a service. One round trip per check: the script
 * increments the window's counter and sets its expiry on first use. Through the {@link RedisGuard}: while Redis is
 * away there is no decision at all (and no waiting for one), which the caller answers by letting the request pass.
 */
public class RedisRateLimiter {

    static final String USE = "rate-limit";

    private static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final Clock clock;

    public RedisRateLimiter(StringRedisTemplate redis, RedisGuard guard, Clock clock) {
        this.redis = redis;
        this.guard = guard;
        this.clock = clock;
    }

    /** The decision for one more call of {@code key}, or empty when Redis cannot be asked right now. */
    public Optional<Decision> acquire(String bucket, String key, int limit, Duration window) {
        return guard.withFallback(USE, () -> Optional.of(count(bucket, key, limit, window)), Optional::empty);
    }

    private Decision count(String bucket, String key, int limit, Duration window) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        long windowStart = now - now % windowMillis;
        String redisKey = "rl:" + bucket + ":" + windowMillis + ":" + key + ":" + windowStart;
        Long count = redis.execute(INCREMENT, List.of(redisKey), String.valueOf(windowMillis));
        long used = count == null ? 0 : count;
        Duration retryAfter = Duration.ofMillis(windowStart + windowMillis - now);
        return new Decision(used <= limit, Math.max(0, limit - used), retryAfter);
    }

    /** Whether the call may go ahead, how many remain in this window, and when the window resets. */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }
}
