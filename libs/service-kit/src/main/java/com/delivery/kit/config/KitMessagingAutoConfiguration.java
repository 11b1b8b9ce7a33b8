package com.delivery.kit.config;

import com.delivery.events.EventCodecException;
import com.delivery.events.Topics;
import com.delivery.events.UnknownEventTypeException;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.kit.messaging.KafkaHealthIndicator;
import com.delivery.kit.outbox.OutboxRelay;
import com.delivery.kit.outbox.OutboxWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events in and out: the transactional outbox and its relay, idempotent consumption, retries with backoff and
 * then {@code <topic>.DLT} for listeners, and a Kafka health indicator for readiness.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class KitMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    DefaultErrorHandler retryThenDeadLetter(KafkaTemplate<String, String> kafka, PlatformProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.dlt(record.topic()), -1));
        PlatformProperties.Consumer settings = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // a message that cannot even be read will not get better by retrying
        handler.addNotRetryableExceptions(EventCodecException.class, UnknownEventTypeException.class);
        return handler;
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class, PlatformTransactionManager.class})
    static class Outbox {

        @Bean
        @ConditionalOnProperty(name = "platform.outbox.enabled", matchIfMissing = true)
        OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                KafkaTemplate<String, String> kafka, PlatformProperties properties) {
            return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka,
                    properties.outbox().pollInterval(), properties.outbox().batchSize());
        }

        /** Events written but not yet on Kafka: grows while the broker is unreachable. */
        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        @ConditionalOnClass(MeterRegistry.class)
        Gauge outboxPendingEvents(MeterRegistry registry, JdbcTemplate jdbc) {
            return Gauge.builder("outbox.pending.events", () -> jdbc.queryForObject(
                            "SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class))
                    .description("Outbox rows not yet published to Kafka").register(registry);
        }

        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        OutboxWriter outboxWriter(JdbcTemplate jdbc, OutboxRelay relay,
                @Value("${spring.application.name}") String producer) {
            return new OutboxWriter(jdbc, producer, relay);
        }

        @Bean
        IdempotentEventHandler idempotentEventHandler(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                @Value("${spring.application.name}") String consumer) {
            return new IdempotentEventHandler(jdbc, new TransactionTemplate(transactions), consumer);
        }
    }
}
