package com.delivery.vendor.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.delivery.vendor.app.SearchDocuments.ItemDoc;
import com.delivery.vendor.app.SearchDocuments.VendorDoc;
import com.delivery.vendor.app.SearchIndex;
import com.delivery.vendor.app.VendorProperties;
import com.delivery.vendor.domain.OpeningHours;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Vendor and menu-item search on Elasticsearch with only what the local 9.x node offers (no edge n-grams):
 * full-text {@code match} plus {@code prefix} on the last word for partial words, a {@code completion} suggester
 * (fuzzy, so one typo still completes) for autocomplete, {@code geo_distance} filter and sort, and "open now" from
 * {@code integer_range} weekly minutes (per vendor time zone) minus {@code date_range} special closures.
 */
@Component
class ElasticsearchSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSearchIndex.class);

    private static final long ZONES_TTL_NANOS = 30_000_000_000L;

    private record ZonesSeen(List<String> zones, long until) {
    }

    /** Searches and existence checks: the client's own short timeouts (a caller is waiting). */
    private final ElasticsearchClient client;
    /** Index updates, from the sync worker: a bulk of a large menu may take longer on a busy node. */
    private final ElasticsearchClient writes;
    /** Creating and dropping indices: the node waits for the shards to start. */
    private final ElasticsearchClient admin;
    private volatile ZonesSeen zonesSeen;
    private final String vendors;
    private final String items;

    ElasticsearchSearchIndex(ElasticsearchClient client, BackgroundElasticsearchClients background,
            VendorProperties properties) {
        VendorProperties.Search search = properties.search();
        this.client = client;
        this.writes = background.writes();
        this.admin = background.admin();
        this.vendors = search.vendorsIndex();
        this.items = search.menuItemsIndex();
    }

    // ---- index management ----------------------------------------------------------------------------------

    @Override
    public boolean ensureIndices() {
        boolean vendorsCreated = create(vendors, "elasticsearch/vendors.json", false);
        boolean itemsCreated = create(items, "elasticsearch/menu_items.json", false);
        return vendorsCreated || itemsCreated;
    }

    @Override
    public void recreateIndices() {
        create(vendors, "elasticsearch/vendors.json", true);
        create(items, "elasticsearch/menu_items.json", true);
    }

    /** True if the index was created (it did not exist, or was dropped first). */
    private boolean create(String index, String mapping, boolean dropFirst) {
        try {
            boolean exists = ElasticsearchFailures.call("checking index " + index,
                    () -> client.indices().exists(e -> e.index(index)).value());
            if (exists && dropFirst) {
                ElasticsearchFailures.call("dropping index " + index,
                        () -> admin.indices().delete(d -> d.index(index)));
                exists = false;
            }
            if (exists) {
                return false;
            }
            ElasticsearchFailures.call("creating index " + index, () -> {
                try (InputStream json = new ClassPathResource(mapping).getInputStream()) {
                    return admin.indices().create(c -> c.index(index).withJson(json));
                }
            });
            log.info("Created search index {}", index);
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    // ---- writes --------------------------------------------------------------------------------------------

    @Override
    public void upsert(VendorDoc vendor, List<ItemDoc> menu) {
        ZonesSeen seen = zonesSeen;
        if (seen != null && !seen.zones().contains(vendor.timeZone())) {
            // a zone new to this instance counts at once (the index shows it only after its next refresh)
            List<String> zones = new ArrayList<>(seen.zones());
            zones.add(vendor.timeZone());
            zonesSeen = new ZonesSeen(List.copyOf(zones), seen.until());
        }
        List<BulkOperation> operations = new ArrayList<>();
        operations.add(BulkOperation.of(op -> op.index(i -> i.index(vendors).id(vendor.id().toString())
                .document(vendorSource(vendor)))));
        for (ItemDoc item : menu) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(items).id(item.id().toString())
                    .document(itemSource(item)))));
        }
        bulk(operations);
    }

    @Override
    public void removeVendor(UUID vendorId) {
        bulk(List.of(BulkOperation.of(op -> op.delete(d -> d.index(vendors).id(vendorId.toString())))));
    }

    @Override
    public void removeItems(Collection<UUID> itemIds) {
        bulk(itemIds.stream().map(id -> BulkOperation.of(op -> op.delete(d -> d.index(items).id(id.toString()))))
                .toList());
    }

    private void bulk(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = ElasticsearchFailures.call("updating the index",
                () -> writes.bulk(b -> b.operations(operations)));
        if (response.errors()) {
            ElasticsearchFailures.throwForItemErrors(response);
        }
    }

    private static Map<String, Object> vendorSource(VendorDoc v) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", v.id().toString());
        doc.put("name", v.name());
        doc.put("nameSuggest", Map.of("input", suggestInputs(v.name()), "weight", 1 + (int) Math.round(v.rating() * 10)));
        doc.put("category", v.category());
        doc.put("cuisines", v.cuisines());
        doc.put("cuisinesText", String.join(" ", v.cuisines()));
        doc.put("description", v.description());
        doc.put("city", v.city());
        doc.put("location", Map.of("lat", v.lat(), "lon", v.lng()));
        doc.put("priceLevel", v.priceLevel());
        doc.put("rating", v.rating());
        doc.put("ratingCount", v.ratingCount());
        doc.put("currency", v.currency());
        doc.put("prepMinutes", v.prepMinutes());
        doc.put("timeZone", v.timeZone());
        doc.put("openWeekMinutes", v.openWeekMinutes().stream().map(r -> Map.of("gte", r[0], "lt", r[1])).toList());
        doc.put("closedIntervals", v.closedIntervals().stream()
                .map(c -> Map.of("gte", c[0].toString(), "lt", c[1].toString())).toList());
        return doc;
    }

    private static Map<String, Object> itemSource(ItemDoc i) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", i.id().toString());
        doc.put("vendorId", i.vendorId().toString());
        doc.put("vendorName", i.vendorName());
        doc.put("category", i.category());
        doc.put("section", i.section());
        doc.put("name", i.name());
        doc.put("nameSuggest", Map.of("input", suggestInputs(i.name())));
        doc.put("description", i.description());
        doc.put("priceMinor", i.priceMinor());
        doc.put("currency", i.currency());
        doc.put("available", i.available());
        doc.put("location", Map.of("lat", i.lat(), "lon", i.lng()));
        doc.put("dietaryTags", i.dietaryTags());
        return doc;
    }

    /** The whole name and every tail of it from a word on, so "pizz" completes "Luigi's Pizzeria" too. */
    static List<String> suggestInputs(String name) {
        Set<String> inputs = new LinkedHashSet<>();
        inputs.add(name);
        String[] words = name.trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            inputs.add(String.join(" ", Arrays.copyOfRange(words, i, words.length)));
        }
        return List.copyOf(inputs);
    }

    // ---- queries -------------------------------------------------------------------------------------------

    @Override
    public Hits<VendorDoc> searchVendors(VendorQuery q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.text() != null) {
            bool.must(textQuery(q.text(), "name", "cuisinesText", "description"));
        }
        if (q.category() != null) {
            bool.filter(f -> f.term(t -> t.field("category").value(q.category())));
        }
        if (q.cuisine() != null) {
            bool.filter(f -> f.term(t -> t.field("cuisines").value(q.cuisine())));
        }
        if (q.minPriceLevel() != null || q.maxPriceLevel() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> {
                n.field("priceLevel");
                if (q.minPriceLevel() != null) {
                    n.gte(q.minPriceLevel().doubleValue());
                }
                if (q.maxPriceLevel() != null) {
                    n.lte(q.maxPriceLevel().doubleValue());
                }
                return n;
            })));
        }
        if (q.minRating() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> n.field("rating").gte(q.minRating()))));
        }
        if (q.lat() != null && q.radiusKm() != null) {
            bool.filter(geoWithin(q.lat(), q.lng(), q.radiusKm()));
        }
        if (q.openNow()) {
            bool.filter(openAt(q.now()));
        }
        List<SortOptions> sort = new ArrayList<>();
        switch (q.sort()) {
            case DISTANCE -> sort.add(byDistance(q.lat(), q.lng()));
            case RATING -> {
                sort.add(SortOptions.of(s -> s.field(f -> f.field("rating").order(SortOrder.Desc))));
                sort.add(SortOptions.of(s -> s.field(f -> f.field("ratingCount").order(SortOrder.Desc))));
            }
            case RELEVANCE -> {
                sort.add(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))));
                if (q.lat() != null) {
                    sort.add(byDistance(q.lat(), q.lng()));
                }
            }
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        SearchResponse<Map> response = search(vendors, Query.of(x -> x.bool(bool.build())), sort,
                q.page() * q.size(), q.size());
        return new Hits<>(response.hits().hits().stream().map(h -> vendorDoc(source(h))).toList(), total(response));
    }

    @Override
    public Hits<ItemDoc> searchItems(ItemQuery q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.text() != null) {
            bool.must(textQuery(q.text(), "name", "description", "vendorName"));
        }
        if (q.category() != null) {
            bool.filter(f -> f.term(t -> t.field("category").value(q.category())));
        }
        if (q.maxPriceMinor() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> n.field("priceMinor").lte(q.maxPriceMinor().doubleValue()))));
        }
        if (q.availableOnly()) {
            bool.filter(f -> f.term(t -> t.field("available").value(true)));
        }
        if (q.lat() != null && q.radiusKm() != null) {
            bool.filter(geoWithin(q.lat(), q.lng(), q.radiusKm()));
        }
        List<SortOptions> sort = new ArrayList<>();
        sort.add(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))));
        if (q.lat() != null) {
            sort.add(byDistance(q.lat(), q.lng()));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        SearchResponse<Map> response = search(items, Query.of(x -> x.bool(bool.build())), sort,
                q.page() * q.size(), q.size());
        return new Hits<>(response.hits().hits().stream().map(h -> itemDoc(source(h))).toList(), total(response));
    }

    @Override
    public List<Suggestion> autocomplete(String prefix, int size) {
        SearchResponse<Map> response = ElasticsearchFailures.call("autocomplete",
                () -> client.search(s -> s.index(vendors, items).size(0)
                        .suggest(sg -> sg.suggesters("names", fs -> fs.prefix(prefix.toLowerCase(Locale.ROOT))
                                .completion(c -> c.field("nameSuggest").size(size).skipDuplicates(true)
                                        .fuzzy(f -> f.fuzziness("AUTO"))))), Map.class));
        List<Suggestion> suggestions = new ArrayList<>();
        for (co.elastic.clients.elasticsearch.core.search.Suggestion<Map> suggestion
                : response.suggest().getOrDefault("names", List.of())) {
            for (CompletionSuggestOption<Map> option : suggestion.completion().options()) {
                Map<?, ?> source = option.source();
                boolean isVendor = vendors.equals(option.index());
                String name = source == null ? option.text() : String.valueOf(source.get("name"));
                UUID vendorId = source == null ? null
                        : UUID.fromString(String.valueOf(source.get(isVendor ? "id" : "vendorId")));
                UUID itemId = isVendor || source == null ? null : UUID.fromString(String.valueOf(source.get("id")));
                suggestions.add(new Suggestion(name, isVendor ? "VENDOR" : "MENU_ITEM", vendorId, itemId));
            }
        }
        return suggestions.stream().distinct().limit(size).toList();
    }

    private SearchResponse<Map> search(String index, Query query, List<SortOptions> sort, int from, int size) {
        return ElasticsearchFailures.call("searching " + index,
                () -> client.search(s -> s.index(index).query(query).sort(sort).from(from).size(size)
                        .trackTotalHits(t -> t.enabled(true)), Map.class));
    }

    /** Words anywhere in the given fields, the last (possibly unfinished) word also as a prefix of the name. */
    private static Query textQuery(String text, String nameField, String... otherFields) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("[^\\p{L}\\p{N}]+");
        String last = words.length == 0 ? "" : words[words.length - 1];
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.match(m -> m.field(nameField).query(text).boost(3f).fuzziness("AUTO")));
            if (!last.isEmpty()) {
                b.should(s -> s.prefix(p -> p.field(nameField).value(last).boost(2f)));
            }
            for (String field : otherFields) {
                b.should(s -> s.match(m -> m.field(field).query(text)));
            }
            return b.minimumShouldMatch("1");
        }));
    }

    private static Query geoWithin(double lat, double lng, double radiusKm) {
        return Query.of(q -> q.geoDistance(g -> g.field("location").distance(radiusKm + "km")
                .location(l -> l.latlon(ll -> ll.lat(lat).lon(lng)))));
    }

    private static SortOptions byDistance(double lat, double lng) {
        return SortOptions.of(s -> s.geoDistance(g -> g.field("location")
                .location(l -> l.latlon(ll -> ll.lat(lat).lon(lng))).order(SortOrder.Asc).unit(DistanceUnit.Kilometers)));
    }

    /**
     * Open at {@code now}: for each time zone vendors use, the local minute of the week falls in one of the weekly
     * ranges of the vendors of that zone, and no special closure covers {@code now}.
     */
    private Query openAt(Instant now) {
        List<String> zones = timeZonesInUse();
        return Query.of(q -> q.bool(b -> {
            for (String zone : zones) {
                int minute = OpeningHours.minuteOfWeek(now.atZone(ZoneId.of(zone)));
                b.should(s -> s.bool(z -> z.filter(f -> f.term(t -> t.field("timeZone").value(zone)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("openWeekMinutes").gte(JsonData.of(minute))
                                .lte(JsonData.of(minute)).relation(RangeRelation.Intersects))))));
            }
            b.mustNot(m -> m.range(r -> r.untyped(u -> u.field("closedIntervals").gte(JsonData.of(now.toString()))
                    .lte(JsonData.of(now.toString())).relation(RangeRelation.Intersects))));
            return b.minimumShouldMatch("1");
        }));
    }

    /** The distinct vendor time zones, re-read from the index at most every 30 s (one aggregation). */
    private List<String> timeZonesInUse() {
        ZonesSeen seen = zonesSeen;
        if (seen != null && seen.until() > System.nanoTime()) {
            return seen.zones();
        }
        SearchResponse<Void> response = ElasticsearchFailures.call("reading the time zones in use",
                () -> client.search(s -> s.index(vendors).size(0)
                        .aggregations("zones", a -> a.terms(t -> t.field("timeZone").size(1000))), Void.class));
        List<String> zones = response.aggregations().get("zones").sterms().buckets().array().stream()
                .map(b -> b.key().stringValue()).toList();
        zonesSeen = new ZonesSeen(zones, System.nanoTime() + ZONES_TTL_NANOS);
        return zones;
    }

    // ---- reading documents back --------------------------------------------------------------------------------

    private static Map<?, ?> source(Hit<Map> hit) {
        return hit.source();
    }

    private static long total(SearchResponse<?> response) {
        return response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
    }

    @SuppressWarnings("unchecked")
    private static VendorDoc vendorDoc(Map<?, ?> s) {
        Map<String, Object> location = (Map<String, Object>) s.get("location");
        List<int[]> open = ((List<Map<String, Object>>) s.get("openWeekMinutes")).stream()
                .map(r -> new int[] {((Number) r.get("gte")).intValue(), ((Number) r.get("lt")).intValue()}).toList();
        List<Instant[]> closed = ((List<Map<String, Object>>) s.get("closedIntervals")).stream()
                .map(r -> new Instant[] {Instant.parse((String) r.get("gte")), Instant.parse((String) r.get("lt"))})
                .toList();
        return new VendorDoc(UUID.fromString((String) s.get("id")), (String) s.get("name"), (String) s.get("category"),
                (List<String>) s.get("cuisines"), (String) s.get("description"), (String) s.get("city"),
                ((Number) location.get("lat")).doubleValue(), ((Number) location.get("lon")).doubleValue(),
                ((Number) s.get("priceLevel")).intValue(), ((Number) s.get("rating")).doubleValue(),
                ((Number) s.get("ratingCount")).intValue(), (String) s.get("currency"),
                ((Number) s.get("prepMinutes")).intValue(), (String) s.get("timeZone"), open, closed);
    }

    @SuppressWarnings("unchecked")
    private static ItemDoc itemDoc(Map<?, ?> s) {
        Map<String, Object> location = (Map<String, Object>) s.get("location");
        return new ItemDoc(UUID.fromString((String) s.get("id")), UUID.fromString((String) s.get("vendorId")),
                (String) s.get("vendorName"), (String) s.get("category"), (String) s.get("section"),
                (String) s.get("name"), (String) s.get("description"), ((Number) s.get("priceMinor")).longValue(),
                (String) s.get("currency"), Boolean.TRUE.equals(s.get("available")),
                ((Number) location.get("lat")).doubleValue(), ((Number) location.get("lon")).doubleValue(),
                (List<String>) s.get("dietaryTags"));
    }
}
