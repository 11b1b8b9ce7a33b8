package com.delivery.payment.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.payment.app.ClientSecretCache;
import com.delivery.payment.app.PaymentProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Client secrets in Redis for {@code payment.client-secret-ttl}, through the {@link RedisGuard}: without Redis a
 * read is a miss (the caller asks the payment provider again) and a write or eviction is skipped, so neither a
 * customer's read nor the consumer that opens an intent waits for or fails on Redis. A skipped eviction is
 * harmless: a secret is only handed out while its payment waits for money, and it expires by itself.
 */
@Component
class RedisClientSecretCache implements ClientSecretCache {

    static final String USE = "client-secret-cache";

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final Duration ttl;

    RedisClientSecretCache(StringRedisTemplate redis, RedisGuard guard, PaymentProperties properties) {
        this.redis = redis;
        this.guard = guard;
        this.ttl = properties.clientSecretTtl();
    }

    @Override
    public void put(UUID paymentId, String clientSecret) {
        if (clientSecret != null) {
            guard.bestEffort(USE, () -> redis.opsForValue().set(key(paymentId), clientSecret, ttl));
        }
    }

    @Override
    public Optional<String> get(UUID paymentId) {
        return guard.withFallback(USE, () -> Optional.ofNullable(redis.opsForValue().get(key(paymentId))),
                Optional::empty);
    }

    @Override
    public void evict(UUID paymentId) {
        guard.bestEffort(USE, () -> redis.delete(key(paymentId)));
    }

    static String key(UUID paymentId) {
        return "payment:client-secret:" + paymentId;
    }
}
