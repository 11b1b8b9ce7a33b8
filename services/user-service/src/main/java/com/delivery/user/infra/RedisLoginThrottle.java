package com.delivery.user.infra;

import com.delivery.user.app.LoginThrottle;
import com.delivery.user.app.UserProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted in Redis per account and per client address (the address gets a larger allowance, so one
 * office behind a NAT is not locked out by a single user).
 */
@Component
class RedisLoginThrottle implements LoginThrottle {

    private static final int IP_FACTOR = 4;

    private final StringRedisTemplate redis;
    private final int maxFailures;
    private final Duration window;

    RedisLoginThrottle(StringRedisTemplate redis, UserProperties properties) {
        this.redis = redis;
        this.maxFailures = properties.login().maxFailures();
        this.window = properties.login().failureWindow();
    }

    @Override
    public Optional<Duration> blockedFor(String email, String clientIp) {
        Optional<Duration> byAccount = blocked(accountKey(email), maxFailures);
        return byAccount.isPresent() ? byAccount : blocked(ipKey(clientIp), maxFailures * IP_FACTOR);
    }

    @Override
    public void recordFailure(String email, String clientIp) {
        increment(accountKey(email));
        increment(ipKey(clientIp));
    }

    @Override
    public void reset(String email) {
        redis.delete(accountKey(email));
    }

    private Optional<Duration> blocked(String key, int limit) {
        String count = redis.opsForValue().get(key);
        if (count == null || Long.parseLong(count) < limit) {
            return Optional.empty();
        }
        Long ttl = redis.getExpire(key);
        return Optional.of(Duration.ofSeconds(ttl == null || ttl < 1 ? 1 : ttl));
    }

    private void increment(String key) {
        Long count = redis.opsForValue().increment(key);
        if (count != null && count == 1) {
            redis.expire(key, window);
        }
    }

    private static String accountKey(String email) {
        return "login-failures:account:" + email;
    }

    private static String ipKey(String ip) {
        return "login-failures:ip:" + ip;
    }
}
