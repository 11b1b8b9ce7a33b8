package com.delivery.vendor.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the search index holds, built from PostgreSQL (the source of truth) after every change. */
public final class SearchDocuments {

    private SearchDocuments() {
    }

    /**
     * @param openWeekMinutes weekly opening as [start, end) minutes since Monday 00:00 in {@code timeZone}
     * @param closedIntervals special closures as absolute [start, end) instants
     */
    public record VendorDoc(UUID id, String name, String category, List<String> cuisines, String description,
            String city, double lat, double lng, int priceLevel, double rating, int ratingCount, String currency,
            int prepMinutes, String timeZone, List<int[]> openWeekMinutes, List<Instant[]> closedIntervals) {
    }

    public record ItemDoc(UUID id, UUID vendorId, String vendorName, String category, String section, String name,
            String description, long priceMinor, String currency, boolean available, double lat, double lng,
            List<String> dietaryTags) {
    }
}
