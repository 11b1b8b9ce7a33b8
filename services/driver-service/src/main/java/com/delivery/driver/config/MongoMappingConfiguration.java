package com.delivery.driver.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * MongoDB documents without the {@code _class} type hint: every collection here holds one document type, and the
 * stored documents stay free of Java class names (other tools and services can read them as plain data).
 */
@Configuration(proxyBeanMethods = false)
class MongoMappingConfiguration {

    @Bean
    static BeanPostProcessor mongoWithoutTypeHints() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MappingMongoConverter converter) {
                    converter.setTypeMapper(new DefaultMongoTypeMapper(null));
                }
                return bean;
            }
        };
    }
}
