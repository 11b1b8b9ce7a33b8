package com.delivery.kit.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings every service shares, under {@code platform.*}.
 *
 * @param security who may call what without a token, which browser origins may call, which issuer signs tokens
 * @param rateLimit per-IP limit for anonymous calls and per-user limit for authenticated ones
 * @param outbox how often the relay looks for events to publish and how many it takes at once
 * @param consumer retries before a message goes to its dead-letter topic
 * @param maxRequestBody bodies above this size get 413
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue Security security,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue("256KB") DataSize maxRequestBody) {

    public record Security(
            @DefaultValue List<String> publicPaths,
            @DefaultValue List<String> corsAllowedOrigins,
            @DefaultValue("http://localhost:3001/.well-known/jwks.json") String jwksUri,
            @DefaultValue("delivery-platform") String issuer) {
    }

    /**
     * @param exemptPaths Ant patterns never limited, e.g. a signature-verified webhook whose sender shares few IPs
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<String> exemptPaths,
            @DefaultValue("120") int anonymousPerIp,
            @DefaultValue("600") int perUser,
            @DefaultValue("1m") Duration window) {
    }

    public record Outbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100") int batchSize) {
    }

    public record Consumer(
            @DefaultValue("4") int retries,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff) {
    }
}
