package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventEnvelope;
import com.delivery.events.GeoPoint;
import com.delivery.events.Topics;
import com.delivery.events.VendorCatalogUpdated;
import com.delivery.testsupport.ApiClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Checkout priced from the replica of the vendor's catalog that {@code vendor.catalog_updated} keeps: published to
 * Kafka as the vendor service does, with the vendor service (WireMock) asked only for vendors the replica lacks.
 */
class VendorCatalogReplicaIT extends OrderServiceTestBase {

    private static final String MITTE = "POLYGON((13.30 52.45, 13.50 52.45, 13.50 52.60, 13.30 52.60, 13.30 52.45))";
    private static final UUID MITTE_ZONE = UUID.randomUUID();

    @Autowired
    MeterRegistry meters;

    @Test
    void aPublishedCatalogPricesTheCheckoutWithoutAskingTheVendorService() {
        // no quote stubbed: had the vendor service been asked, WireMock's 404 would refuse the checkout
        VendorStub luigi = VendorStub.pizzeria();
        publish(catalog(luigi, 1, true, 1000));
        awaitReplicaVersion(luigi, 1);
        double fromReplica = pricedFrom("replica");
        double fromVendorService = pricedFrom("vendor-service");

        Response created = place(luigi, UUID.randomUUID());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode order = created.json();
        assertThat(order.path("vendorName").asString()).isEqualTo("Luigi's Pizzeria");
        assertThat(order.path("vendorOwnerId").asString()).isEqualTo(luigi.ownerId.toString());
        assertThat(order.path("zoneId").asString()).isEqualTo(MITTE_ZONE.toString());
        assertThat(order.path("items").get(0).path("unitPriceMinor").asLong()).isEqualTo(1000);
        assertThat(order.path("items").get(0).path("lineTotalMinor").asLong()).isEqualTo(2000);
        assertThat(order.path("items").get(1).path("unitPriceMinor").asLong()).isEqualTo(600);
        assertThat(order.path("subtotalMinor").asLong()).isEqualTo(2600);
        assertThat(order.path("deliveryFeeMinor").asLong()).isEqualTo(349);
        assertThat(order.path("totalMinor").asLong()).isEqualTo(2600 + 349 + 200);
        assertThat(order.path("estimatedReadyMinutes").asInt()).isEqualTo(luigi.prepMinutes);
        assertThat(order.path("vendorLocation").path("lat").asDouble()).isEqualTo(52.5303);
        assertThat(luigi.quoteRequestCount()).as("the vendor service is not asked").isZero();
        assertThat(pricedFrom("replica")).isEqualTo(fromReplica + 1);
        assertThat(pricedFrom("vendor-service")).isEqualTo(fromVendorService);
    }

    @Test
    void anOlderSnapshotArrivingLaterChangesNothing() {
        VendorStub luigi = VendorStub.pizzeria();
        publish(catalog(luigi, 2, true, 1000));
        awaitReplicaVersion(luigi, 2);

        EventEnvelope<VendorCatalogUpdated> older = catalog(luigi, 1, true, 500);
        EventEnvelope<VendorCatalogUpdated> sameVersionAgain = catalog(luigi, 2, true, 1);
        publish(older);
        publish(sameVersionAgain);
        awaitProcessed(older.eventId());
        awaitProcessed(sameVersionAgain.eventId());

        assertThat(replicaVersion(luigi)).isEqualTo(2);
        Response created = place(luigi, UUID.randomUUID());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("items").get(0).path("unitPriceMinor").asLong()).isEqualTo(1000);
        assertThat(luigi.quoteRequestCount()).isZero();
    }

    @Test
    void aNewerSnapshotReplacesTheStoredOne() {
        VendorStub luigi = VendorStub.pizzeria();
        publish(catalog(luigi, 1, true, 1000));
        awaitReplicaVersion(luigi, 1);
        assertThat(place(luigi, UUID.randomUUID()).json().path("subtotalMinor").asLong()).isEqualTo(2600);

        publish(catalog(luigi, 2, true, 1200));
        awaitReplicaVersion(luigi, 2);

        assertThat(place(luigi, UUID.randomUUID()).json().path("subtotalMinor").asLong()).isEqualTo(3000);
    }

    @Test
    void anOrderTheReplicaRefusesIsRefusedOnceTheVendorServiceConfirmsIt() {
        VendorStub luigi = VendorStub.pizzeria().quotesWithProblems("The vendor is not approved to take orders "
                + "(SUSPENDED)");
        publish(catalog(luigi, 1, true, 1000));
        publish(catalog(luigi, 2, false, 1000));
        awaitReplicaVersion(luigi, 2);
        UUID ada = UUID.randomUUID();
        double rechecked = pricedFrom("vendor-service-recheck");

        Response refused = place(luigi, ada);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("/problems/order-not-placeable");
        assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString))
                .containsExactly("The vendor is not approved to take orders (SUSPENDED)");
        assertThat(orderRows(ada)).isZero();
        assertThat(luigi.quoteRequestCount()).as("the authoritative answer").isEqualTo(1);
        assertThat(pricedFrom("vendor-service-recheck")).isEqualTo(rechecked + 1);
    }

    @Test
    void aVendorApprovedAMomentAgoWhoseSnapshotIsStillOnItsWayTakesTheOrder() {
        // the replica still holds the snapshot from before the approval; the vendor service already says yes
        VendorStub luigi = VendorStub.pizzeria().quotes();
        publish(catalog(luigi, 1, false, 1000));
        awaitReplicaVersion(luigi, 1);

        Response created = place(luigi, UUID.randomUUID());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("items").get(0).path("unitPriceMinor").asLong())
                .as("the vendor service's price").isEqualTo(950);
        assertThat(luigi.quoteRequestCount()).isEqualTo(1);
    }

    @Test
    void whenTheVendorServiceCannotConfirmTheReplicasRefusalStands() {
        VendorStub luigi = VendorStub.pizzeria().answers(503);
        publish(catalog(luigi, 1, false, 1000));
        awaitReplicaVersion(luigi, 1);
        UUID ada = UUID.randomUUID();

        Response refused = place(luigi, ada);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString))
                .containsExactly("The vendor is not approved to take orders");
        assertThat(orderRows(ada)).isZero();
    }

    @Test
    void aVendorTheReplicaDoesNotHoldYetIsQuotedByTheVendorService() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        double fromVendorService = pricedFrom("vendor-service");

        Response created = place(luigi, UUID.randomUUID());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("items").get(0).path("unitPriceMinor").asLong()).isEqualTo(950);
        assertThat(luigi.quoteRequestCount()).isEqualTo(1);
        assertThat(pricedFrom("vendor-service")).isEqualTo(fromVendorService + 1);
    }

    @Test
    void aVendorNeitherTheReplicaNorTheVendorServiceKnowsIsNotFound() {
        VendorStub nobody = VendorStub.pizzeria().answers(404);

        Response missing = place(nobody, UUID.randomUUID());

        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(nobody.quoteRequestCount()).isEqualTo(1);
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    /**
     * The stub's vendor as the vendor service publishes it: open all week, one zone over Berlin Mitte (fee 3.49,
     * minimum 10.00), its menu with the first item at {@code firstItemPriceMinor} and the second at 6.00.
     */
    private static EventEnvelope<VendorCatalogUpdated> catalog(VendorStub vendor, long version,
            boolean acceptingOrders, long firstItemPriceMinor) {
        List<VendorCatalogUpdated.Item> items = List.of(
                item(vendor.item(0), firstItemPriceMinor), item(vendor.item(1), 600));
        return EventEnvelope.of(new VendorCatalogUpdated(vendor.vendorId, version, vendor.name, "Berlin",
                vendor.ownerId, vendor.category, "EUR", acceptingOrders, vendor.prepMinutes,
                new GeoPoint(52.5303, 13.4035), "Europe/Berlin",
                List.of(new VendorCatalogUpdated.OpenRange(0, 7 * 24 * 60)), List.of(),
                List.of(new VendorCatalogUpdated.Zone(MITTE_ZONE, MITTE, 349, 1000)), items), "vendor", null);
    }

    private static VendorCatalogUpdated.Item item(VendorStub.Item item, long priceMinor) {
        return new VendorCatalogUpdated.Item(item.id(), item.name(), priceMinor, true, true,
                item.prescriptionRequired(), null, List.of());
    }

    private void publish(EventEnvelope<VendorCatalogUpdated> snapshot) {
        publish(Topics.VENDOR_CATALOG_UPDATED, snapshot);
    }

    private void awaitReplicaVersion(VendorStub vendor, long version) {
        // the first test to run may wait for the consumer to find the new topic (metadata refresh)
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaVersion(vendor) == version);
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_events WHERE consumer = 'order-service' AND event_id = ?",
                Integer.class, eventId) == 1);
    }

    private long replicaVersion(VendorStub vendor) {
        List<Long> versions = jdbc.queryForList("SELECT version FROM vendor_catalogs WHERE vendor_id = ?", Long.class,
                vendor.vendorId);
        return versions.isEmpty() ? 0 : versions.getFirst();
    }

    private double pricedFrom(String source) {
        return meters.get("order.checkout.pricing").tag("source", source).counter().count();
    }
}
