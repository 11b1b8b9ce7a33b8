package com.delivery.payment.infra;

import com.delivery.payment.app.ClientSecretCache;
import com.delivery.payment.app.PaymentProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

@Component
class RedisClientSecretCache implements ClientSecretCache {

    private final StringRedisTemplate redis;
    private final Duration ttl;

    RedisClientSecretCache(StringRedisTemplate redis, PaymentProperties properties) {
        this.redis = redis;
        this.ttl = properties.clientSecretTtl();
    }

    @Override
    public void put(UUID paymentId, String clientSecret) {
        if (clientSecret != null) {
            redis.opsForValue().set(key(paymentId), clientSecret, ttl);
        }
    }

    @Override
    public Optional<String> get(UUID paymentId) {
        return Optional.ofNullable(redis.opsForValue().get(key(paymentId)));
    }

    @Override
    public void evict(UUID paymentId) {
        redis.delete(key(paymentId));
    }

    static String key(UUID paymentId) {
        return "payment:client-secret:" + paymentId;
    }
}
