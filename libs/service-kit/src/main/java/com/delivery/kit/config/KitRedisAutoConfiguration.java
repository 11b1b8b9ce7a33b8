package com.delivery.kit.config;

import com.delivery.kit.ratelimit.RedisRateLimiter;
import com.delivery.kit.resilience.RedisGuard;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis that fails fast. The command and connect timeouts are {@code spring.data.redis.timeout} and
 * {@code connect-timeout} (kit-defaults.yml); here the Lettuce client rejects commands at once while it is
 * disconnected (instead of queueing them until it reconnects, which is what made requests hang for as long as Redis
 * was away), reconnects by itself with delays capped at {@code platform.redis.reconnect-delay-max}, and every
 * request-path use goes through one {@link RedisGuard} per service, the rate limiter included.
 * <p>
 * Pub/sub (socket.io fan-out, libs/realtime) keeps working across an outage: Lettuce resubscribes a reconnected
 * pub/sub connection itself, and Spring's listener container retries a subscription whose connection could not be
 * made. The options are set through Boot's {@link LettuceClientOptionsBuilderCustomizer}, so Boot's own (connect
 * timeout, command timeouts) stay.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ClientOptions.class, StringRedisTemplate.class, LettuceClientOptionsBuilderCustomizer.class})
@EnableConfigurationProperties(RedisResilienceProperties.class)
public class KitRedisAutoConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer kitRedisFailFast() {
        return options -> options
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true);
    }

    @Bean
    ClientResourcesBuilderCustomizer kitRedisReconnectDelay(RedisResilienceProperties properties) {
        Duration max = properties.reconnectDelayMax();
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(Math.min(100, max.toMillis())), max, 2, TimeUnit.MILLISECONDS));
    }

    /** On the system clock: a cool-down is wall time, whatever clock the service's business rules run on. */
    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    @ConditionalOnMissingBean
    RedisGuard redisGuard(RedisResilienceProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new RedisGuard(properties.coolDown(), properties.warnEvery(), Clock.systemUTC(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    @ConditionalOnMissingBean
    RedisRateLimiter redisRateLimiter(StringRedisTemplate redis, RedisGuard guard, Clock clock) {
        return new RedisRateLimiter(redis, guard, clock);
    }

    /**
     * Connects once before the service takes requests. Spring creates the shared connection on first use, under a
     * lock: were Redis a blackhole then, every request arriving meanwhile would queue for its own connect timeout.
     * Connected (or known to be away, so the guard is cooling down) before the first request, no request waits.
     */
    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    SmartInitializingSingleton kitRedisConnectEarly(StringRedisTemplate redis, RedisGuard guard) {
        return () -> {
            if (!guard.bestEffort("connect", () -> redis.execute((RedisCallback<String>) RedisConnection::ping))) {
                log.warn("Redis did not answer at start-up; requests go without it until it does");
            }
        };
    }

    private static final Logger log = LoggerFactory.getLogger(KitRedisAutoConfiguration.class);
}
