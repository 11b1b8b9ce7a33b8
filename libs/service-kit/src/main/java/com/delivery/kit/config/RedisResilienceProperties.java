package com.delivery.kit.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service does without Redis while it is away, under {@code platform.redis.*} (the client's own timeouts are
 * {@code spring.data.redis.timeout} and {@code connect-timeout} in kit-defaults.yml).
 *
 * @param coolDown after a failed call, how long every use leaves Redis alone before one call probes it again
 * @param warnEvery at most one "Redis unavailable" WARN per use this often, counting the calls in between
 * @param reconnectDelayMax the client reconnects with doubling delays up to this (Lettuce's own limit is 30 s)
 */
@ConfigurationProperties("platform.redis")
public record RedisResilienceProperties(
        @DefaultValue("2s") Duration coolDown,
        @DefaultValue("10s") Duration warnEvery,
        @DefaultValue("1s") Duration reconnectDelayMax) {
}
