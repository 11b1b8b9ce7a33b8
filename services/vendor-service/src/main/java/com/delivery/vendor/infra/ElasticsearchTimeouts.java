package com.delivery.vendor.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import java.time.Duration;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Per-request timeouts on the shared Elasticsearch client (same connections, other patience): the client-wide
 * defaults are short for searches, background work gets longer ones.
 */
final class ElasticsearchTimeouts {

    private ElasticsearchTimeouts() {
    }

    /** The same client, waiting at most {@code responseTimeout} for an answer and {@code poolWait} for a connection. */
    static ElasticsearchClient withResponseTimeout(ElasticsearchClient client, Duration responseTimeout,
            Duration poolWait) {
        Rest5ClientOptions.Builder options = Rest5ClientOptions.of(client._transportOptions()).toBuilder();
        options.restClientRequestOptionsBuilder().setRequestConfig(requestConfig(responseTimeout, poolWait));
        return client.withTransportOptions(options.build());
    }

    /**
     * What a request may wait for. The response timeout must be set per request: the low-level client's default
     * request configuration says 0 (no limit), and Apache HttpClient lets that override the socket timeout of the
     * connection, so {@code spring.elasticsearch.socket-timeout} alone would never end a request to a hung node.
     */
    static RequestConfig requestConfig(Duration responseTimeout, Duration poolWait) {
        return RequestConfig.custom()
                .setResponseTimeout(Timeout.of(responseTimeout))
                .setConnectionRequestTimeout(Timeout.of(poolWait))
                .build();
    }
}
