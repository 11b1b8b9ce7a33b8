package com.delivery.kit.resilience;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;

/**
 * A Spring cache kept in Redis, called through the {@link RedisGuard}: while Redis is away a read is a miss (the
 * database answers), a fill is skipped, and nothing waits for a timeout during the cool-down. An eviction that
 * could not be made is remembered and made once Redis answers, before that key is read from the cache again;
 * otherwise the entry cached before the change would be served for the rest of its TTL after Redis is back. Past
 * {@link #MAX_MISSED_EVICTIONS} keys the whole cache is cleared instead, once Redis answers.
 */
final class GuardedCache implements Cache {

    static final int MAX_MISSED_EVICTIONS = 10_000;
    private static final int EVICTIONS_MADE_PER_CALL = 50;

    private final Cache redis;
    private final RedisGuard guard;
    private final String use;
    private final Map<Object, Boolean> missedEvictions = new ConcurrentHashMap<>();
    private volatile boolean missedClear;

    GuardedCache(Cache redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
        this.use = "cache:" + redis.getName();
    }

    @Override
    public String getName() {
        return redis.getName();
    }

    @Override
    public Object getNativeCache() {
        return redis.getNativeCache();
    }

    @Override
    public @Nullable ValueWrapper get(Object key) {
        return mayRead(key) ? guard.withFallback(use, () -> redis.get(key), () -> null) : null;
    }

    @Override
    public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
        return mayRead(key) ? guard.withFallback(use, () -> redis.get(key, type), () -> null) : null;
    }

    @Override
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        ValueWrapper cached = get(key);
        if (cached != null) {
            @SuppressWarnings("unchecked")
            T value = (T) cached.get();
            return value;
        }
        T loaded;
        try {
            loaded = valueLoader.call();
        } catch (Exception e) {
            throw new ValueRetrievalException(key, valueLoader, e);
        }
        put(key, loaded);
        return loaded;
    }

    @Override
    public @Nullable CompletableFuture<?> retrieve(Object key) {
        // reactive/async callers: a miss makes them load from the database, as a synchronous read would
        return CompletableFuture.completedFuture(get(key));
    }

    @Override
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        ValueWrapper cached = get(key);
        if (cached != null) {
            @SuppressWarnings("unchecked")
            T value = (T) cached.get();
            return CompletableFuture.completedFuture(value);
        }
        return valueLoader.get().thenApply(loaded -> {
            put(key, loaded);
            return loaded;
        });
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        if (!missedClear && !missedEvictions.containsKey(key)) {
            guard.bestEffort(use, () -> redis.put(key, value));
        }
    }

    @Override
    public void evict(Object key) {
        if (!guard.bestEffort(use, () -> redis.evict(key))) {
            remember(key);
        }
    }

    @Override
    public void clear() {
        if (!guard.bestEffort(use, redis::clear)) {
            missedClear = true;
        }
    }

    /** Makes what was missed first; false while this key (or the whole cache) may still hold a stale entry. */
    private boolean mayRead(Object key) {
        if (missedClear) {
            if (!guard.bestEffort(use, redis::clear)) {
                return false;
            }
            missedClear = false;
            missedEvictions.clear();
        }
        if (!missedEvictions.isEmpty()) {
            makeMissedEvictions();
        }
        return !missedEvictions.containsKey(key);
    }

    private void remember(Object key) {
        if (missedEvictions.size() >= MAX_MISSED_EVICTIONS) {
            missedClear = true;
            return;
        }
        missedEvictions.put(key, Boolean.TRUE);
    }

    /** A few per call, so no request carries them all; stops at the first that still cannot be made. */
    private void makeMissedEvictions() {
        int made = 0;
        for (Object key : missedEvictions.keySet()) {
            if (made == EVICTIONS_MADE_PER_CALL || !guard.bestEffort(use, () -> redis.evict(key))) {
                return;
            }
            missedEvictions.remove(key);
            made++;
        }
    }
}
