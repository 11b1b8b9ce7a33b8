package com.delivery.vendor.app;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The search engine behind vendor and menu-item search (Elasticsearch indices {@code vendors}, {@code menu_items}).
 * Every method throws {@link SearchUnavailableException} when the engine cannot be reached, times out or is
 * overloaded, so callers can tell an outage (answer 503, retry later) from a refused request.
 */
public interface SearchIndex {

    enum Sort { RELEVANCE, DISTANCE, RATING }

    record VendorQuery(String text, String category, String cuisine, Integer minPriceLevel, Integer maxPriceLevel,
            Double minRating, boolean openNow, Instant now, Double lat, Double lng, Double radiusKm, Sort sort,
            int page, int size) {
    }

    record ItemQuery(String text, String category, Long maxPriceMinor, boolean availableOnly, Double lat, Double lng,
            Double radiusKm, int page, int size) {
    }

    record Hits<T>(List<T> items, long total) {
    }

    record Suggestion(String text, String kind, UUID vendorId, UUID menuItemId) {
    }

    /** Creates the indices that do not exist yet, with their mapping; true if one had to be created. */
    boolean ensureIndices();

    /** Drops and recreates both indices with the current mapping (the reindex command). */
    void recreateIndices();

    void upsert(SearchDocuments.VendorDoc vendor, List<SearchDocuments.ItemDoc> items);

    void removeVendor(UUID vendorId);

    void removeItems(Collection<UUID> itemIds);

    Hits<SearchDocuments.VendorDoc> searchVendors(VendorQuery query);

    Hits<SearchDocuments.ItemDoc> searchItems(ItemQuery query);

    List<Suggestion> autocomplete(String prefix, int size);
}
