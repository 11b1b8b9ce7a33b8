package com.delivery.vendor.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the vendor service under {@code vendor.*}.
 *
 * @param cache how long vendor profiles and menus stay in Redis (every change evicts them at once anyway)
 * @param search the Elasticsearch indices, how long their requests may take, how the index follows PostgreSQL
 * @param catalog the catalog snapshots ({@code vendor.catalog_updated}) for the order service
 */
@ConfigurationProperties("vendor")
public record VendorProperties(@DefaultValue Cache cache, @DefaultValue Search search,
        @DefaultValue Catalog catalog) {

    public static final String PROFILES = "vendor-profiles";
    public static final String MENUS = "vendor-menus";

    public record Cache(@DefaultValue("1h") Duration profileTtl, @DefaultValue("10m") Duration menuTtl) {
    }

    /**
     * Searches use the client's own timeouts ({@code spring.elasticsearch.connection-timeout} / {@code socket-timeout},
     * short so a search answers 503 quickly instead of hanging); the background work gets its own.
     *
     * @param poolWait longest wait of any request for a free connection to Elasticsearch
     * @param writeTimeout longest wait for the answer to an index update (background work, a bulk may be large)
     * @param indexAdminTimeout longest wait for creating or dropping an index (the node waits for its shards)
     */
    public record Search(@DefaultValue("vendors") String vendorsIndex,
            @DefaultValue("menu_items") String menuItemsIndex, @DefaultValue("1s") Duration poolWait,
            @DefaultValue("10s") Duration writeTimeout, @DefaultValue("60s") Duration indexAdminTimeout,
            @DefaultValue Sync sync) {
    }

    /**
     * The worker that applies queued index updates ({@code search_sync}).
     *
     * @param pollInterval how often it looks for due updates besides being woken after each commit (retries come due)
     * @param batchSize updates claimed per round
     * @param claimLease how long a claimed update stays with one worker; after it, another instance may take it over
     */
    public record Sync(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("50") int batchSize,
            @DefaultValue("30s") Duration claimLease) {
    }

    /**
     * The start-up backfill that publishes a first snapshot of every vendor that never had one ({@link CatalogBackfill}).
     *
     * @param backfillDelay how long after start-up it begins (the service takes its traffic first)
     * @param backfillBatchSize vendors per batch; each batch is one short transaction
     */
    public record Catalog(@DefaultValue("5s") Duration backfillDelay, @DefaultValue("20") int backfillBatchSize) {
    }
}
