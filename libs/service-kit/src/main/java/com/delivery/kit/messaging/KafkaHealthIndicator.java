package com.delivery.kit.messaging;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** Ready only while the broker answers; the outbox keeps events meanwhile, so this guards consumers and intake. */
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin admin;
    private volatile AdminClient client;

    public KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String clusterId = client().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                .clusterId().get(3, TimeUnit.SECONDS);
        builder.up().withDetail("clusterId", clusterId);
    }

    private AdminClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
            }
        }
        return client;
    }
}
