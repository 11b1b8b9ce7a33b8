package com.delivery.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.data.redis.RedisConnectionFailureException;

/** The Spring cache through the guard, with "Redis" a map that can be switched off, and a clock we move. */
class GuardedCacheTest {

    private final MovableClock clock = new MovableClock();
    private final SwitchableCache redis = new SwitchableCache();
    private final RedisGuard guard = new RedisGuard(Duration.ofSeconds(2), Duration.ofSeconds(10), clock,
            new SimpleMeterRegistry());
    private final Cache cache = new GuardedCacheManager(new SingleCacheManager(redis), guard).getCache("profiles");

    @Test
    void whileRedisIsAwayReadsMissAndFillsAreSkippedWithoutAnError() {
        redis.delegate.put("v1", "cached profile");
        redis.down = true;

        assertThat(cache.get("v1")).isNull();
        assertThat(cache.get("v2", () -> "from the database")).isEqualTo("from the database");
        assertThat(redis.calls).as("cooling down after the first failure: Redis not even asked").isEqualTo(1);

        back();
        assertThat(cache.get("v1").get()).isEqualTo("cached profile");
        assertThat(cache.get("v2")).as("the fill was skipped while Redis was away").isNull();
    }

    @Test
    void anEvictionMissedWhileRedisWasAwayIsMadeBeforeTheEntryIsReadAgain() {
        redis.delegate.put("v1", "profile before the change");
        redis.down = true;

        cache.evict("v1"); // the vendor changed its profile meanwhile
        back();

        assertThat(cache.get("v1")).as("never the entry cached before the change").isNull();
        assertThat(redis.delegate.get("v1")).as("evicted in Redis too").isNull();
        cache.put("v1", "profile after the change");
        assertThat(cache.get("v1").get()).isEqualTo("profile after the change");
    }

    @Test
    void aKeyWhoseEvictionIsStillPendingIsNeitherReadNorFilled() {
        redis.delegate.put("v1", "profile before the change");
        redis.down = true;
        cache.evict("v1");

        clock.advance(Duration.ofSeconds(3)); // the cool-down is over, but Redis still does not answer
        assertThat(cache.get("v1")).isNull();
        cache.put("v1", "would hide nothing, but Redis is away");
        assertThat(redis.delegate.get("v1").get()).isEqualTo("profile before the change");
    }

    @Test
    void aClearMissedWhileRedisWasAwayIsMadeOnceItIsBack() {
        redis.delegate.put("v1", "old");
        redis.delegate.put("v2", "old");
        redis.down = true;

        cache.clear();
        back();

        assertThat(cache.get("v2")).isNull();
        assertThat(redis.delegate.get("v1")).isNull();
    }

    private void back() {
        redis.down = false;
        clock.advance(Duration.ofSeconds(3));
    }

    /** A cache that fails like Lettuce does when Redis cannot be reached. */
    private static final class SwitchableCache extends AbstractValueAdaptingCache {

        final ConcurrentMapCache delegate = new ConcurrentMapCache("profiles");
        volatile boolean down;
        int calls;

        SwitchableCache() {
            super(true);
        }

        private void reach() {
            calls++;
            if (down) {
                throw new RedisConnectionFailureException("Unable to connect to Redis");
            }
        }

        @Override
        protected @Nullable Object lookup(Object key) {
            reach();
            Cache.ValueWrapper value = delegate.get(key);
            return value == null ? null : value.get();
        }

        @Override
        public String getName() {
            return "profiles";
        }

        @Override
        public Object getNativeCache() {
            return delegate;
        }

        @Override
        public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
            reach();
            return delegate.get(key, valueLoader);
        }

        @Override
        public void put(Object key, @Nullable Object value) {
            reach();
            delegate.put(key, value);
        }

        @Override
        public void evict(Object key) {
            reach();
            delegate.evict(key);
        }

        @Override
        public void clear() {
            reach();
            delegate.clear();
        }
    }

    private record SingleCacheManager(Cache cache) implements org.springframework.cache.CacheManager {

        @Override
        public Cache getCache(String name) {
            return cache.getName().equals(name) ? cache : null;
        }

        @Override
        public java.util.Collection<String> getCacheNames() {
            return java.util.List.of(cache.getName());
        }
    }
}
