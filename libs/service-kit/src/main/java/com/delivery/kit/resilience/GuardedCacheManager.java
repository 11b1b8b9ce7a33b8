package com.delivery.kit.resilience;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * Wraps a Redis-backed {@link CacheManager} (Spring's {@code @Cacheable}) so every cache goes through the
 * {@link RedisGuard}: see {@link GuardedCache}.
 */
public final class GuardedCacheManager implements CacheManager {

    private final CacheManager redis;
    private final RedisGuard guard;
    private final Map<String, GuardedCache> caches = new ConcurrentHashMap<>();

    public GuardedCacheManager(CacheManager redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    @Override
    public @Nullable Cache getCache(String name) {
        GuardedCache known = caches.get(name);
        if (known != null) {
            return known;
        }
        Cache cache = redis.getCache(name);
        return cache == null ? null : caches.computeIfAbsent(name, n -> new GuardedCache(cache, guard));
    }

    @Override
    public Collection<String> getCacheNames() {
        return redis.getCacheNames();
    }
}
