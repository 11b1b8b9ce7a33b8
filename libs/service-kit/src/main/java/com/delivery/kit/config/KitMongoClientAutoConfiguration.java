package com.delivery.kit.config;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * MongoDB calls that give up in time for a person waiting ({@link MongoTimeoutProperties}), for services that use
 * MongoDB. A call that gives up becomes Spring's {@code DataAccessResourceFailureException}, which the kit answers
 * with 503 and Retry-After.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
@EnableConfigurationProperties(MongoTimeoutProperties.class)
public class KitMongoClientAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer kitMongoTimeouts(MongoTimeoutProperties timeouts) {
        return new Timeouts(timeouts);
    }

    /** Ordered before Boot's own customizer, which applies the connection string: a timeout given there wins. */
    record Timeouts(MongoTimeoutProperties timeouts) implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                            timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket
                            .connectTimeout(timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(timeouts.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(timeouts.poolWaitTimeout().toMillis(),
                            TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
