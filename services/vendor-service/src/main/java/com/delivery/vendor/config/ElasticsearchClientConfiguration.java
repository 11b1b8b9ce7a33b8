package com.delivery.vendor.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import com.delivery.vendor.app.VendorProperties;
import com.delivery.vendor.infra.BackgroundElasticsearchClients;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Makes {@code spring.elasticsearch.socket-timeout} hold for every request of the shared client (searches): the
 * low-level client's own default request configuration has a response timeout of 0 (no limit), which Apache
 * HttpClient applies over the connection's socket timeout, so a hung node would hold a search forever. Also bounds the
 * wait for a pooled connection.
 *
 * <p>Background work gets clients of its own ({@link BackgroundElasticsearchClients}), built the way Spring Boot
 * builds the shared one (same nodes, credentials and customizers), with longer response timeouts.
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

    @Bean(destroyMethod = "close")
    BackgroundElasticsearchClients backgroundElasticsearchClients(ElasticsearchClient shared,
            ElasticsearchConnectionDetails connection, ObjectProvider<Rest5ClientBuilderCustomizer> customizers,
            VendorProperties vendor) {
        VendorProperties.Search search = vendor.search();
        return new BackgroundElasticsearchClients(
                client(shared, connection, customizers.orderedStream().toList(), search.writeTimeout()),
                client(shared, connection, customizers.orderedStream().toList(), search.indexAdminTimeout()));
    }

    private static ElasticsearchClient client(ElasticsearchClient shared, ElasticsearchConnectionDetails connection,
            List<Rest5ClientBuilderCustomizer> customizers, Duration responseTimeout) {
        Rest5ClientBuilder builder = Rest5Client.builder(connection.getNodes().stream()
                .map(node -> new HttpHost(node.protocol().name().toLowerCase(Locale.ROOT), node.hostname(), node.port()))
                .toArray(HttpHost[]::new));
        if (StringUtils.hasText(connection.getApiKey())) {
            builder.setDefaultHeaders(new BasicHeader[] {
                    new BasicHeader("Authorization", "ApiKey " + connection.getApiKey())});
        }
        if (StringUtils.hasText(connection.getPathPrefix())) {
            builder.setPathPrefix(connection.getPathPrefix());
        }
        builder.setHttpClientConfigCallback(http -> customizers.forEach(c -> c.customize(http)));
        builder.setConnectionManagerCallback(manager -> customizers.forEach(c -> c.customize(manager)));
        builder.setConnectionConfigCallback(config -> customizers.forEach(c -> c.customize(config)));
        builder.setRequestConfigCallback(requests -> {
            customizers.forEach(c -> c.customize(requests));
            requests.setResponseTimeout(Timeout.of(responseTimeout));
        });
        customizers.forEach(c -> c.customize(builder));
        return new ElasticsearchClient(new Rest5ClientTransport(builder.build(), shared._jsonpMapper()));
    }
}
