package com.delivery.kit.config;

import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.kit.pruning.RetentionPruner;
import com.delivery.kit.pruning.ScheduledRetentionPruning;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the kit's {@code outbox} and {@code processed_events} tables from growing forever (issue 15): wherever the
 * kit uses them (a service with a database and Kafka), expired rows are pruned in the background.
 */
@AutoConfiguration(after = KitMessagingAutoConfiguration.class)
@ConditionalOnClass({JdbcTemplate.class, MeterRegistry.class})
@EnableConfigurationProperties(PruningProperties.class)
public class KitPruningAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({IdempotentEventHandler.class, JdbcTemplate.class, PlatformTransactionManager.class})
    @ConditionalOnProperty(name = "platform.pruning.enabled", matchIfMissing = true)
    static class Pruning {

        @Bean
        RetentionPruner retentionPruner(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                PruningProperties properties, ObjectProvider<Clock> clock, MeterRegistry meters) {
            return new RetentionPruner(jdbc, new TransactionTemplate(transactions), properties.policy(),
                    properties.batchSize(), clock.getIfAvailable(Clock::systemUTC), meters);
        }

        @Bean
        ScheduledRetentionPruning scheduledRetentionPruning(RetentionPruner pruner, PruningProperties properties,
                ObjectProvider<Clock> clock) {
            return new ScheduledRetentionPruning(pruner, properties.schedule(), clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
