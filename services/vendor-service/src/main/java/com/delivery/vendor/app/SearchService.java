package com.delivery.vendor.app;

import com.delivery.kit.resilience.WarningThrottle;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.GeoDistance;
import com.delivery.vendor.domain.OpeningHours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Customer search over approved vendors and their menu items, and autocomplete. */
@Service
public class SearchService {

    public record VendorHit(SearchDocuments.VendorDoc vendor, Double distanceKm, boolean openNow) {
    }

    public record ItemHit(SearchDocuments.ItemDoc item, Double distanceKm) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    static final int MAX_RESULT_WINDOW = 10_000;

    private final SearchIndex index;
    private final Clock clock;
    private final WarningThrottle unavailable = new WarningThrottle(Duration.ofSeconds(30));

    SearchService(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    public Page<VendorHit> vendors(String text, String category, String cuisine, Integer minPriceLevel,
            Integer maxPriceLevel, Double minRating, boolean openNow, Double lat, Double lng, Double radiusKm,
            SearchIndex.Sort sort, int page, int size) {
        requireLocation(lat, lng, radiusKm);
        requireShallow(page, size);
        SearchIndex.Sort effective = sort != null ? sort
                : lat != null ? SearchIndex.Sort.DISTANCE
                : SearchIndex.Sort.RELEVANCE;
        if (effective == SearchIndex.Sort.DISTANCE && lat == null) {
            throw ApiException.badRequest("location-required", "Sorting by distance needs lat and lng");
        }
        Instant now = clock.instant();
        SearchIndex.VendorQuery query = new SearchIndex.VendorQuery(blankToNull(text),
                category == null ? null : category.toUpperCase(), cuisine == null ? null : cuisine.trim().toLowerCase(),
                minPriceLevel, maxPriceLevel, minRating, openNow, now, lat, lng, radiusKm, effective, page, size);
        SearchIndex.Hits<SearchDocuments.VendorDoc> hits = guarded(() -> index.searchVendors(query));
        return new Page<>(hits.items().stream().map(v -> new VendorHit(v, distance(lat, lng, v.lat(), v.lng()),
                OpeningHours.isOpenInRanges(v.openWeekMinutes(), v.closedIntervals(), ZoneId.of(v.timeZone()), now)))
                .toList(), page, size, hits.total());
    }

    public Page<ItemHit> items(String text, String category, Long maxPriceMinor, boolean availableOnly, Double lat,
            Double lng, Double radiusKm, int page, int size) {
        requireLocation(lat, lng, radiusKm);
        requireShallow(page, size);
        SearchIndex.ItemQuery query = new SearchIndex.ItemQuery(blankToNull(text),
                category == null ? null : category.toUpperCase(), maxPriceMinor, availableOnly, lat, lng, radiusKm,
                page, size);
        SearchIndex.Hits<SearchDocuments.ItemDoc> hits = guarded(() -> index.searchItems(query));
        return new Page<>(hits.items().stream().map(i -> new ItemHit(i, distance(lat, lng, i.lat(), i.lng())))
                .toList(), page, size, hits.total());
    }

    public List<SearchIndex.Suggestion> autocomplete(String prefix, int size) {
        if (prefix == null || prefix.isBlank()) {
            throw ApiException.badRequest("prefix-required", "prefix must not be blank");
        }
        return guarded(() -> index.autocomplete(prefix.trim(), size));
    }

    /**
     * Any failure of the index answers 503 {@code search-unavailable} with {@code Retry-After}, never 500 and never a
     * hang (the client's timeouts are short). An outage is logged as a warning now and then, not once per request;
     * a query the index refused is a bug and logged as an error.
     */
    private <T> T guarded(Supplier<T> search) {
        try {
            return search.get();
        } catch (SearchUnavailableException e) {
            unavailable.occurred(System.currentTimeMillis()).ifPresent(times -> log.warn(
                    "Search answers 503, Elasticsearch is unavailable ({} such requests since the last report): "
                            + "{}", times, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            log.error("Search failed: {}", e.toString());
            throw new SearchUnavailableException("Search failed: " + e, e);
        }
    }

    private static void requireLocation(Double lat, Double lng, Double radiusKm) {
        if ((lat == null) != (lng == null)) {
            throw ApiException.badRequest("location-incomplete", "Give both lat and lng, or neither");
        }
        if (radiusKm != null && lat == null) {
            throw ApiException.badRequest("location-required", "A radius needs lat and lng");
        }
    }

    /** The index answers the first {@value #MAX_RESULT_WINDOW} hits of a search only (Elasticsearch's window). */
    private static void requireShallow(int page, int size) {
        if ((long) page * size + size > MAX_RESULT_WINDOW) {
            throw ApiException.badRequest("page-too-deep", "A search lists its first " + MAX_RESULT_WINDOW
                    + " results only (page × size + size); narrow the search instead");
        }
    }

    private static Double distance(Double lat, Double lng, double toLat, double toLng) {
        return lat == null ? null : Math.round(GeoDistance.km(lat, lng, toLat, toLng) * 1000.0) / 1000.0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
