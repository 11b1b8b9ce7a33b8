package com.delivery.kit.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Fixed-window counters in Redis, shared by every instance of a service. One round trip per check: the script
 * increments the window's counter and sets its expiry on first use.
 */
public class RedisRateLimiter {

    private static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisRateLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public Decision acquire(String bucket, String key, int limit, Duration window) {
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
