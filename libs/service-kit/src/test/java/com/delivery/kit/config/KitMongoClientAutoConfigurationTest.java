package com.delivery.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.internal.MongoClientImpl;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The MongoDB client a service gets: the kit's timeouts, except where the connection string names one. */
class KitMongoClientAutoConfigurationTest {

    // nothing listens on port 1: the client is only built, never used
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class,
                    KitMongoClientAutoConfiguration.class));

    @Test
    void everyWaitIsShortByDefault() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/kit").run(app -> {
            MongoClientSettings settings = settingsOf(app.getBean(MongoClient.class));
            assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(500);
            assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(500);
            assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
            assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        });
    }

    @Test
    void aTimeoutInTheConnectionStringWins() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/kit?serverSelectionTimeoutMS=1500",
                "platform.mongo.connect-timeout=300ms").run(app -> {
                    MongoClientSettings settings = settingsOf(app.getBean(MongoClient.class));
                    assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(1500);
                    assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                            .as("platform.mongo.*").isEqualTo(300);
                });
    }

    private static MongoClientSettings settingsOf(MongoClient client) {
        return ((MongoClientImpl) client).getSettings();
    }
}
