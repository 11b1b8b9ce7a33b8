package com.delivery.tracking.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.tracking.app.Throttle;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code SET tracking:throttle:<key> NX PX <interval>}: the first caller in an interval wins, on any instance.
 * Without Redis (through the {@link RedisGuard}) nobody wins: what is throttled (an event, an ETA computation)
 * waits for a later fix rather than happening on every one.
 */
@Component
class RedisThrottle implements Throttle {

    static final String USE = "throttle";

    private final StringRedisTemplate redis;
    private final RedisGuard guard;

    RedisThrottle(StringRedisTemplate redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    @Override
    public boolean tryAcquire(String key, Duration interval) {
        return guard.withFallback(USE, () -> Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent("tracking:throttle:" + key, "1", interval)), () -> false);
    }
}
