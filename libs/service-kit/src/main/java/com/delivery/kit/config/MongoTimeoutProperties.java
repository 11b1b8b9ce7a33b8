package com.delivery.kit.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a MongoDB call may wait, under {@code platform.mongo.*} (kit-defaults.yml names them). A timeout in the
 * connection string ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS},
 * {@code waitQueueTimeoutMS}) still wins.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server (the driver's default is 30 s,
 *     which is how long every request waited while MongoDB was away)
 * @param connectTimeout opening a connection
 * @param readTimeout one reply on an open connection (a server that stopped answering)
 * @param poolWaitTimeout waiting for a pooled connection when all are busy (the driver's default is 2 minutes)
 */
@ConfigurationProperties("platform.mongo")
public record MongoTimeoutProperties(
        @DefaultValue("500ms") Duration serverSelectionTimeout,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("1s") Duration poolWaitTimeout) {
}
