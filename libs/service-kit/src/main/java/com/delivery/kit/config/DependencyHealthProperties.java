package com.delivery.kit.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code platform_dependency_up} gauge, under {@code platform.dependency-health.*}.
 *
 * @param dependencies health contributor names that are shared dependencies; those the service lacks are skipped
 * @param interval     pause between two rounds of checks
 * @param timeout      how long one round waits for its checks; a check that takes longer counts as down
 */
@ConfigurationProperties("platform.dependency-health")
public record DependencyHealthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"db", "redis", "kafka", "mongo", "elasticsearch"}) List<String> dependencies,
        @DefaultValue("10s") Duration interval,
        @DefaultValue("5s") Duration timeout) {

    public DependencyHealthProperties {
        requirePositive("interval", interval);
        requirePositive("timeout", timeout);
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    "platform.dependency-health." + property + " must be a positive duration, not " + value);
        }
    }
}
