package com.delivery.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.ApiClient.Response;
import com.delivery.vendor.Vendors.TestVendor;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Elasticsearch going away, for real (the service's connections to it are cut by {@link ElasticsearchLink}): search
 * answers a quick 503 problem, changes are kept in PostgreSQL, and search is whole again by itself once Elasticsearch
 * answers, without anyone running the reindex command.
 */
class SearchOutageIT extends VendorIT {

    /** The promise: consistent within 10 s of Elasticsearch's return. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ElasticsearchLink elasticsearch = ElasticsearchLink.shared();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry metrics;

    @BeforeEach
    void earlierIndexUpdatesAreApplied() {
        // what the tests before this class changed (the fuzz test changes many vendors) is applied first: these tests
        // time how soon their own change shows, not how long a backlog takes
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pendingUpdates())
                .as(() -> "index updates still waiting: " + queueSummary()).isZero());
    }

    @AfterEach
    void elasticsearchIsBack() {
        elasticsearch.restore();
    }

    @Test
    void changesMadeWhileElasticsearchIsDownAppearInSearchOnceItIsBack() {
        String marker = Vendors.marker();
        TestVendor staying = vendors.approved(Vendors.pizzeria("Staying " + marker));
        UUID calzone = addItem(staying, marker + " Calzone");
        UUID lasagne = addItem(staying, marker + " Lasagne");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(vendorNames(marker)).containsExactly("Staying " + marker);
            assertThat(itemNames(marker)).hasSize(2);
        });
        double failuresBefore = failures();

        elasticsearch.refuse();
        TestVendor newcomer = vendors.approved(Vendors.pizzeria("Newcomer " + marker));
        ok(api.put(staying.path(), Vendors.pizzeria("Renamed " + marker), staying.ownerToken()));
        ok(api.delete(staying.path() + "/menu/" + calzone, staying.ownerToken()));
        ok(api.delete(staying.path() + "/menu/" + lasagne, staying.ownerToken()));

        assertSearchUnavailable("/api/v1/vendors/search?q=" + marker);
        assertSearchUnavailable("/api/v1/vendors/autocomplete?prefix=" + marker);
        assertSearchUnavailable("/api/v1/menu-items/search?q=" + marker);
        assertThat(removedItemsWaiting(staying.id())).as("four changes, one entry, both deletions kept")
                .containsExactlyInAnyOrder(calzone, lasagne);
        assertThat(waiting(newcomer.id())).isTrue();
        assertThat(metrics.get("search.sync.pending").gauge().value()).isGreaterThanOrEqualTo(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(failures()).isGreaterThan(failuresBefore));

        elasticsearch.restore();

        await().atMost(BACK_WITHIN).untilAsserted(() -> {
            assertThat(vendorNames(marker)).containsExactlyInAnyOrder("Newcomer " + marker, "Renamed " + marker);
            assertThat(itemNames(marker)).as("items deleted while Elasticsearch was down").isEmpty();
        });
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(waiting(staying.id())).isFalse();
            assertThat(waiting(newcomer.id())).isFalse();
        });
    }

    @Test
    void aHungElasticsearchEndsASearchWithA503InsteadOfHoldingIt() {
        elasticsearch.stall();

        // the client's patience here is far above the service's timeouts: a hang shows as this call failing
        Response response = api.withTimeout(Duration.ofSeconds(30))
                .get("/api/v1/vendors/search?q=" + Vendors.marker(), null);

        assertUnavailableProblem(response);
    }

    @Test
    void aChangeMadeWhileTheIndexIsBeingWrittenIsNotLost() {
        String marker = Vendors.marker();
        TestVendor vendor = vendors.approved(Vendors.pizzeria("First " + marker));
        await().atMost(WAIT).untilAsserted(() -> assertThat(vendorNames(marker))
                .as(() -> "search_sync of the vendor: " + queueState(vendor.id()) + ", all: " + queueSummary())
                .containsExactly("First " + marker));

        elasticsearch.hold();
        ok(api.put(vendor.path(), Vendors.pizzeria("Second " + marker), vendor.ownerToken()));
        // the worker has read "Second" and its write waits on the way to Elasticsearch
        await().atMost(WAIT).until(() -> elasticsearch.isHolding("POST /_bulk"));
        long versionBeingWritten = entry(vendor.id()).version();
        ok(api.put(vendor.path(), Vendors.pizzeria("Third " + marker), vendor.ownerToken()));
        Entry changedMeanwhile = entry(vendor.id());
        assertThat(changedMeanwhile.version()).isEqualTo(versionBeingWritten + 1);
        assertThat(changedMeanwhile.claimed()).as("still with the worker whose write is held").isTrue();
        elasticsearch.restore();

        // "Second" lands first; the entry must survive it, for "Third"
        await().atMost(BACK_WITHIN).untilAsserted(() -> assertThat(vendorNames(marker))
                .as(() -> "search_sync of the vendor: " + queueState(vendor.id()))
                .containsExactly("Third " + marker));
        await().atMost(WAIT).untilAsserted(() -> assertThat(waiting(vendor.id())).isFalse());
    }

    @Test
    void anIndexWriteSlowerThanASearchMayTakeIsWaitedForNotTakenForAnOutage() {
        String marker = Vendors.marker();
        TestVendor vendor = vendors.approved(Vendors.pizzeria("Quick " + marker));
        await().atMost(WAIT).untilAsserted(() -> assertThat(vendorNames(marker)).containsExactly("Quick " + marker));
        double failuresBefore = failures();

        elasticsearch.hold();
        ok(api.put(vendor.path(), Vendors.pizzeria("Patient " + marker), vendor.ownerToken()));
        await().atMost(WAIT).until(() -> elasticsearch.isHolding("POST /_bulk"));
        // a busy node: the write waits longer than a search may (spring.elasticsearch.socket-timeout, 2 s), well
        // within vendor.search.write-timeout (10 s)
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                .until(() -> failures() == failuresBefore && !entry(vendor.id()).failed());
        elasticsearch.restore();

        await().atMost(BACK_WITHIN).untilAsserted(() -> assertThat(vendorNames(marker))
                .containsExactly("Patient " + marker));
        assertThat(failures()).as("failed index writes").isEqualTo(failuresBefore);
    }

    private UUID addItem(TestVendor vendor, String name) {
        return UUID.fromString(ok(api.post(vendor.path() + "/menu", Menus.item(name, 1100), vendor.ownerToken()))
                .text("id"));
    }

    private List<String> vendorNames(String marker) {
        Response response = api.get("/api/v1/vendors/search?q=" + marker, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").valueStream().map(h -> h.path("name").asString()).toList();
    }

    private List<String> itemNames(String marker) {
        Response response = api.get("/api/v1/menu-items/search?q=" + marker, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").valueStream().map(h -> h.path("name").asString()).toList();
    }

    private void assertSearchUnavailable(String path) {
        assertUnavailableProblem(api.get(path, null));
    }

    private static void assertUnavailableProblem(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/search-unavailable");
        assertThat(response.header("Retry-After")).as("Retry-After").isNotBlank();
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
        assertThat(response.body()).doesNotContain("Exception", "9200", "Connect");
    }

    private record Entry(long version, boolean claimed, boolean failed) {
    }

    private Entry entry(UUID vendorId) {
        return jdbc.queryForObject("SELECT version, claimed_until > now(), failures > 0 FROM search_sync"
                + " WHERE vendor_id = ?", (rs, row) -> new Entry(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)),
                vendorId);
    }

    private long pendingUpdates() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM search_sync", Long.class);
        return count == null ? 0 : count;
    }

    /** The whole queue in a line, for the message of a failed wait. */
    private String queueSummary() {
        return jdbc.queryForList("SELECT count(*) AS waiting, count(*) FILTER (WHERE failures > 0) AS failed,"
                + " count(*) FILTER (WHERE claimed_until > now()) AS claimed, min(next_attempt_at) AS oldest_due,"
                + " now() AS db_now, max(last_error) AS an_error FROM search_sync").toString();
    }

    /** The vendor's queue entry as the database has it, for the message of a failed wait. */
    private String queueState(UUID vendorId) {
        return jdbc.queryForList("SELECT version, failures, next_attempt_at, claimed_until, now() AS db_now,"
                + " last_error FROM search_sync WHERE vendor_id = ?", vendorId).toString();
    }

    private boolean waiting(UUID vendorId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM search_sync WHERE vendor_id = ?", Long.class, vendorId);
        return count != null && count > 0;
    }

    private List<UUID> removedItemsWaiting(UUID vendorId) {
        return jdbc.queryForObject("SELECT removed_item_ids FROM search_sync WHERE vendor_id = ?",
                (rs, row) -> uuids(rs.getArray(1)), vendorId);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    private double failures() {
        return metrics.get("search.sync.failures").counter().count();
    }
}
