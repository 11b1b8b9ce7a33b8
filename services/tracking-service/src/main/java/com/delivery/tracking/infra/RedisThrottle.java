package com.delivery.tracking.infra;

import com.delivery.tracking.app.Throttle;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** {@code SET tracking:throttle:<key> NX PX <interval>}: the first caller in an interval wins, on any instance. */
@Component
class RedisThrottle implements Throttle {

    private final StringRedisTemplate redis;

    RedisThrottle(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public boolean tryAcquire(String key, Duration interval) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent("tracking:throttle:" + key, "1", interval));
    }
}
