package com.delivery.kit.config;

import com.delivery.kit.health.DependencyUpGauges;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;

/**
 * Shared dependencies' health as a metric (issue 15), now that readiness leaves them out. Reads the contributors
 * the service already has (Boot's db, redis and elasticsearch ones, the kit's kafka and mongo ones); Redis's is a
 * reactive contributor wherever Reactor is on the class path, so both registries are consulted.
 */
@AutoConfiguration(afterName = "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration")
@ConditionalOnClass({HealthContributorRegistry.class, MeterRegistry.class})
@ConditionalOnBean(HealthContributorRegistry.class)
@ConditionalOnProperty(name = "platform.dependency-health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DependencyHealthProperties.class)
public class KitDependencyHealthAutoConfiguration {

    @Bean
    DependencyUpGauges dependencyUpGauges(HealthContributorRegistry contributors,
            ObjectProvider<ReactiveHealthContributorRegistry> reactiveContributors, MeterRegistry meters,
            DependencyHealthProperties properties) {
        ReactiveHealthContributorRegistry reactive = reactiveContributors.getIfAvailable();
        HealthContributors all = reactive == null ? contributors
                : HealthContributors.of(contributors, reactive.asHealthContributors());
        return new DependencyUpGauges(all, meters, properties.dependencies(), properties.interval(),
                properties.timeout());
    }
}
