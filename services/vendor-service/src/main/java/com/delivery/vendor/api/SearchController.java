package com.delivery.vendor.api;

import com.delivery.vendor.app.SearchDocuments;
import com.delivery.vendor.app.SearchIndex;
import com.delivery.vendor.app.SearchService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public search over approved vendors and their menu items (anonymous callers are limited per IP). */
@RestController
@Tag(name = "Search")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    record Location(double lat, double lng) {
    }

    record VendorHit(UUID vendorId, String name, String category, List<String> cuisines, String description,
            String city, Location location, int priceLevel, double rating, int ratingCount, String currency,
            int prepMinutes, boolean openNow, Double distanceKm) {
    }

    record ItemHit(UUID menuItemId, UUID vendorId, String vendorName, String category, String section, String name,
            String description, long priceMinor, String currency, boolean available, List<String> dietaryTags,
            Location location, Double distanceKm) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record Suggestions(String prefix, List<SearchIndex.Suggestion> suggestions) {
    }

    @GetMapping("/api/v1/vendors/search")
    @Operation(summary = "Search approved vendors: text, category, cuisine, price level, rating, open now, distance; "
            + "sorted by distance when a location is given, else relevance (or sort=RATING)")
    Page<VendorHit> vendors(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) String cuisine,
            @RequestParam(required = false) @Min(1) @Max(4) Integer minPriceLevel,
            @RequestParam(required = false) @Min(1) @Max(4) Integer maxPriceLevel,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") Double minRating,
            @RequestParam(defaultValue = "false") boolean openNow,
            @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lng,
            @RequestParam(required = false) @DecimalMin("0.1") @DecimalMax("100") Double radiusKm,
            @RequestParam(required = false) SearchIndex.Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(500) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        SearchService.Page<SearchService.VendorHit> result = search.vendors(q, category, cuisine, minPriceLevel,
                maxPriceLevel, minRating, openNow, lat, lng, radiusKm, sort, page, size);
        return new Page<>(result.items().stream().map(h -> {
            SearchDocuments.VendorDoc v = h.vendor();
            return new VendorHit(v.id(), v.name(), v.category(), v.cuisines(), v.description(), v.city(),
                    new Location(v.lat(), v.lng()), v.priceLevel(), v.rating(), v.ratingCount(), v.currency(),
                    v.prepMinutes(), h.openNow(), h.distanceKm());
        }).toList(), page, size, result.total());
    }

    @GetMapping("/api/v1/menu-items/search")
    @Operation(summary = "Search menu items across approved vendors, nearest first when a location is given")
    Page<ItemHit> items(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @Min(0) Long maxPriceMinor,
            @RequestParam(defaultValue = "false") boolean availableOnly,
            @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lng,
            @RequestParam(required = false) @DecimalMin("0.1") @DecimalMax("100") Double radiusKm,
            @RequestParam(defaultValue = "0") @Min(0) @Max(500) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        SearchService.Page<SearchService.ItemHit> result = search.items(q, category, maxPriceMinor, availableOnly, lat,
                lng, radiusKm, page, size);
        return new Page<>(result.items().stream().map(h -> {
            SearchDocuments.ItemDoc i = h.item();
            return new ItemHit(i.id(), i.vendorId(), i.vendorName(), i.category(), i.section(), i.name(),
                    i.description(), i.priceMinor(), i.currency(), i.available(), i.dietaryTags(),
                    new Location(i.lat(), i.lng()), h.distanceKm());
        }).toList(), page, size, result.total());
    }

    @GetMapping("/api/v1/vendors/autocomplete")
    @Operation(summary = "Vendor and menu-item names completing a prefix (one typo tolerated)")
    Suggestions autocomplete(@RequestParam @Size(min = 1, max = 50) String prefix,
            @RequestParam(defaultValue = "8") @Min(1) @Max(20) int size) {
        return new Suggestions(prefix, search.autocomplete(prefix, size));
    }
}
