package com.delivery.vendor.config;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import com.delivery.vendor.app.VendorProperties;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@code spring.elasticsearch.socket-timeout} hold for every request: the low-level client's own default
 * request configuration has a response timeout of 0 (no limit), which Apache HttpClient applies over the connection's
 * socket timeout, so a hung node would hold a search forever. Also bounds the wait for a pooled connection.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchClientConfiguration {

    @Bean
    Rest5ClientBuilderCustomizer boundedRequestTimeouts(ElasticsearchProperties elasticsearch,
            VendorProperties vendor) {
        return new Rest5ClientBuilderCustomizer() {
            @Override
            public void customize(Rest5ClientBuilder builder) {
                // everything this customizer sets is in the request configuration below
            }

            @Override
            public void customize(RequestConfig.Builder requests) {
                requests.setResponseTimeout(Timeout.of(elasticsearch.getSocketTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(vendor.search().poolWait()));
            }
        };
    }
}
