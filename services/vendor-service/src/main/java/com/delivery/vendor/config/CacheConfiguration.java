package com.delivery.vendor.config;

import com.delivery.vendor.app.VendorProperties;
import com.delivery.kit.resilience.GuardedCacheManager;
import com.delivery.kit.resilience.RedisGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis caches for vendor profiles (1 h) and menus (10 min); evictions are made after commit by the app's
 * {@code VendorCaches}. Every cache call goes through the kit's {@link RedisGuard} ({@link GuardedCacheManager}):
 * with Redis away a read comes from PostgreSQL without waiting on Redis, and an eviction missed meanwhile is made
 * before the entry is read again. Other cache errors are logged and read through to PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CacheConfiguration.class);

    @Bean
    CacheManager cacheManager(RedisConnectionFactory redis, VendorProperties properties, RedisGuard guard) {
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .disableCachingNullValues()
                .computePrefixWith(name -> "vendor-service:" + name + "::");
        RedisCacheManager caches = RedisCacheManager.builder(redis)
                .cacheDefaults(defaults)
                .withCacheConfiguration(VendorProperties.PROFILES, defaults.entryTtl(properties.cache().profileTtl()))
                .withCacheConfiguration(VendorProperties.MENUS, defaults.entryTtl(properties.cache().menuTtl()))
                .build();
        caches.afterPropertiesSet(); // not a bean itself: load the configured caches (their TTLs) now
        // Redis away: reads miss at once, fills are skipped, evictions missed are made once it is back
        return new GuardedCacheManager(caches, guard);
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new CacheErrorHandler() {
            @Override
            public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
                log.warn("Cache {} read failed for {}, reading the database: {}", cache.getName(), key, e.toString());
                try {
                    cache.evict(key);
                } catch (RuntimeException ignored) {
                    // Redis down: nothing to clean
                }
            }

            @Override
            public void handleCachePutError(RuntimeException e, Cache cache, Object key, Object value) {
                log.warn("Cache {} write failed for {}: {}", cache.getName(), key, e.toString());
            }

            @Override
            public void handleCacheEvictError(RuntimeException e, Cache cache, Object key) {
                log.error("Cache {} eviction failed for {}: {}", cache.getName(), key, e.toString());
            }

            @Override
            public void handleCacheClearError(RuntimeException e, Cache cache) {
                log.error("Cache {} clear failed: {}", cache.getName(), e.toString());
            }
        };
    }
}
