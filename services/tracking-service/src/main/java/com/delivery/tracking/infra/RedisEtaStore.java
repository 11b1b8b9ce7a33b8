package com.delivery.tracking.infra;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.tracking.app.EtaStore;
import com.delivery.tracking.app.TrackingProperties;
import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.EtaSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * The last ETA per order: hash {@code tracking:eta:<orderId>}, kept for {@code tracking.eta.ttl}. Without Redis
 * (through the {@link RedisGuard}) there is no last ETA and a new one is not kept: the next fix computes another.
 */
@Repository
class RedisEtaStore implements EtaStore {

    static final String USE = "eta";

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final Duration ttl;

    RedisEtaStore(StringRedisTemplate redis, RedisGuard guard, TrackingProperties properties) {
        this.redis = redis;
        this.guard = guard;
        this.ttl = properties.eta().ttl();
    }

    private static String key(UUID orderId) {
        return "tracking:eta:" + orderId;
    }

    @Override
    public void save(Eta eta) {
        String key = key(eta.orderId());
        Map<String, String> fields = Map.of(
                "etaSeconds", Long.toString(eta.etaSeconds()),
                "distanceMeters", Long.toString(eta.distanceMeters()),
                "source", eta.source().name(),
                "computedAt", Long.toString(eta.computedAt().toEpochMilli()));
        guard.bestEffort(USE, () -> {
            redis.opsForHash().putAll(key, fields);
            redis.expire(key, ttl);
        });
    }

    @Override
    public Optional<Eta> find(UUID orderId) {
        Map<Object, Object> hash = guard.withFallback(USE, () -> redis.opsForHash().entries(key(orderId)), Map::of);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Eta(orderId, Long.parseLong(hash.get("etaSeconds").toString()),
                Long.parseLong(hash.get("distanceMeters").toString()), EtaSource.valueOf(hash.get("source").toString()),
                Instant.ofEpochMilli(Long.parseLong(hash.get("computedAt").toString()))));
    }
}
