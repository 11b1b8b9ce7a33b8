package com.delivery.vendor.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Elasticsearch clients of background work, each on its own connections with its own response timeout: index
 * updates from the sync worker ({@link #writes()}) and index creation or removal ({@link #admin()}). The shared
 * client keeps the short timeout of a search someone waits for.
 *
 * <p>Separate clients and not per-request options on the shared one: the low-level Rest5 client (9.2) drops the
 * request configuration of {@code RequestOptions} when it turns a request into its async form, so a longer per-request
 * timeout never applied and a bulk that took more than the search timeout on a busy node failed as an outage. Own
 * connections also keep a slow bulk from taking the pool a search needs.
 */
public record BackgroundElasticsearchClients(ElasticsearchClient writes, ElasticsearchClient admin)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            try {
                writes._transport().close();
            } finally {
                admin._transport().close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
