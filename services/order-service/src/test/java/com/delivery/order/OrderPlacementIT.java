package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.OrderCreated;
import com.delivery.events.Topics;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.EventProbe;
import com.delivery.testsupport.TestTokens;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderPlacementIT extends OrderServiceTestBase {

    @Test
    void pricesComeFromTheVendorsQuoteNotFromTheClient() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        Map<String, Object> body = luigi.standardOrder();
        // what a tampered app might send: ignored
        ((Map<String, Object>) ((List<?>) body.get("items")).getFirst()).put("unitPriceMinor", 1);
        body.put("totalMinor", 1);

        Response created = place(luigi, ada, body, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode order = created.json();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("customerId").asString()).isEqualTo(ada.toString());
        assertThat(order.path("vendorOwnerId").asString()).isEqualTo(luigi.ownerId.toString());
        assertThat(order.path("items").get(0).path("unitPriceMinor").asLong()).isEqualTo(950);
        assertThat(order.path("items").get(0).path("lineTotalMinor").asLong()).isEqualTo(1900);
        assertThat(order.path("subtotalMinor").asLong()).isEqualTo(2450);
        assertThat(order.path("deliveryFeeMinor").asLong()).isEqualTo(299);
        assertThat(order.path("platformFeeMinor").asLong()).isEqualTo(245);
        assertThat(order.path("tipMinor").asLong()).isEqualTo(200);
        assertThat(order.path("taxMinor").asLong()).isZero();
        assertThat(order.path("totalMinor").asLong()).isEqualTo(2949);
        assertThat(order.path("currency").asString()).isEqualTo("EUR");
        assertThat(created.header("Location")).endsWith("/api/v1/orders/" + order.path("id").asString());
        assertThat(order.path("timeline").get(0).path("kind").asString()).isEqualTo("CREATED");
        assertThat(order.path("timeline").get(0).path("to").asString()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void theCustomersTokenAndTheLinesGoToTheVendorQuote() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();

        place(luigi, ada);

        VENDOR_SERVICE.verify(1, luigi.quoteRequests()
                .withHeader("Authorization", WireMock.matching("Bearer .+"))
                .withRequestBody(WireMock.matchingJsonPath("$.items[0].menuItemId", WireMock.equalTo(luigi.item(0).id().toString())))
                .withRequestBody(WireMock.matchingJsonPath("$.items[0].quantity", WireMock.equalTo("2")))
                .withRequestBody(WireMock.matchingJsonPath("$.deliveryLat", WireMock.equalTo("52.5291")))
                .withRequestBody(WireMock.matchingJsonPath("$.deliveryLng")));
    }

    @Test
    void orderCreatedReachesKafkaThroughTheOutboxWithThePlatformFee() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        try (EventProbe probe = EventProbe.open(Topics.ORDER_CREATED)) {
            String orderId = place(luigi, UUID.randomUUID()).text("id");

            await().atMost(Duration.ofSeconds(20)).until(() -> probe.valuesFor(orderId).size() == 1);
            OrderCreated event = EventCodec.decode(probe.valuesFor(orderId).getFirst(), OrderCreated.class).payload();
            assertThat(event.platformFeeMinor()).isEqualTo(245);
            assertThat(event.totalMinor()).isEqualTo(2949);
            assertThat(event.vendorName()).isEqualTo("Luigi's Pizzeria");
            assertThat(event.category()).isEqualTo("FOOD");
            assertThat(event.items()).hasSize(2);
            assertThat(event.estimatedReadyMinutes()).isEqualTo(15);
        }
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameOrder() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        Response first = place(luigi, ada, luigi.standardOrder(), key);
        Response again = place(luigi, ada, luigi.standardOrder(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.json().path("totalMinor")).isEqualTo(first.json().path("totalMinor"));
        assertThat(orderRows(ada)).isEqualTo(1);
        assertThat(luigi.quoteRequestCount()).as("a replay does not ask the vendor again").isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        place(luigi, ada, luigi.standardOrder(), key);
        Map<String, Object> moreTip = luigi.standardOrder();
        moreTip.put("tipMinor", 500);

        Response reused = place(luigi, ada, moreTip, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(orderRows(ada)).isEqualTo(1);
    }

    @Test
    void whatTheVendorCannotDoIsA422ListingTheProblems() {
        VendorStub luigi = VendorStub.pizzeria().quotesWithProblems("Luigi's Pizzeria is closed right now",
                "Tiramisu is sold out");
        UUID ada = UUID.randomUUID();

        Response refused = place(luigi, ada);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("/problems/order-not-placeable");
        assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString))
                .containsExactly("Luigi's Pizzeria is closed right now", "Tiramisu is sold out");
        assertThat(orderRows(ada)).isZero();
    }

    @Test
    void anItemTheVendorDidNotQuoteIsAProblem() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        Map<String, Object> body = luigi.standardOrder();
        body.put("items", List.of(VendorStub.line(new VendorStub.Item(UUID.randomUUID(), "Sushi", 1, false), 1)));

        Response refused = place(luigi, UUID.randomUUID(), body, null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("problems").get(0).asString()).contains("not on the menu");
    }

    @Test
    void aVendorServiceThatIsDownGives503AndNoOrder() {
        VendorStub luigi = VendorStub.pizzeria().answers(503);
        UUID ada = UUID.randomUUID();

        Response unavailable = place(luigi, ada);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.text("type")).isEqualTo("/problems/vendor-unavailable");
        assertThat(orderRows(ada)).isZero();
        assertThat(luigi.quoteRequestCount()).as("retried, then given up").isEqualTo(3);
    }

    @Test
    void droppedConnectionsAndTimeoutsAreRetriedThenGive503() {
        VendorStub dropping = VendorStub.pizzeria().dropsConnections();
        VendorStub slow = VendorStub.pizzeria().answersSlowly(2500);
        UUID ada = UUID.randomUUID();

        assertThat(place(dropping, ada).status()).isEqualTo(503);
        assertThat(place(slow, ada).status()).isEqualTo(503);

        assertThat(dropping.quoteRequestCount()).isEqualTo(3);
        assertThat(orderRows(ada)).isZero();
    }

    @Test
    void aVendorAnswerAboutTheRequestIsNotRetried() {
        VendorStub unknown = VendorStub.pizzeria().answers(404);
        VendorStub refusing = VendorStub.pizzeria().answers(422);

        assertThat(place(unknown, UUID.randomUUID()).status()).isEqualTo(404);
        Response refused = place(refusing, UUID.randomUUID());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("stubbed 422");
        assertThat(unknown.quoteRequestCount()).isEqualTo(1);
        assertThat(refusing.quoteRequestCount()).isEqualTo(1);
    }

    @Test
    void aVendorServiceThatKeepsFailingOpensTheCircuitAndIsNoLongerCalled() {
        VendorStub broken = VendorStub.pizzeria().answers(500);
        for (int i = 0; i < 8; i++) {
            assertThat(place(broken, UUID.randomUUID()).status()).isEqualTo(503);
        }
        int callsBefore = broken.quoteRequestCount();

        assertThat(place(broken, UUID.randomUUID()).status()).isEqualTo(503);

        assertThat(broken.quoteRequestCount()).as("the open circuit answers without calling").isEqualTo(callsBefore);
    }

    // ---- category rules ------------------------------------------------------------------------------------

    @Test
    void aPrescriptionItemNeedsAPrescriptionReference() {
        VendorStub adler = VendorStub.pharmacy().quotes();
        UUID ada = UUID.randomUUID();

        Response without = place(adler, ada);
        Map<String, Object> withReference = adler.standardOrder();
        withReference.put("prescriptionReference", "eRX-2026-000042");
        Response with = place(adler, ada, withReference, null);

        assertThat(without.status()).isEqualTo(422);
        assertThat(without.json().path("problems").get(0).asString()).contains("Amoxicillin 500").contains("prescription");
        assertThat(with.status()).as(with.body()).isEqualTo(201);
        assertThat(with.text("prescriptionReference")).isEqualTo("eRX-2026-000042");
        assertThat(with.json().path("items").get(1).path("prescriptionRequired").asBoolean()).isTrue();
        assertThat(orderRows(ada)).isEqualTo(1);
    }

    @Test
    void aGroceryOrderKeepsItsSubstitutionPreferences() {
        VendorStub kiez = VendorStub.grocer().quotes();
        Map<String, Object> body = kiez.standardOrder();
        body.put("substitutionPreference", "SIMILAR_ITEM");
        ((Map<String, Object>) ((List<?>) body.get("items")).get(1)).put("substitution", "REFUND_ITEM");

        Response created = place(kiez, UUID.randomUUID(), body, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("substitutionPreference")).isEqualTo("SIMILAR_ITEM");
        assertThat(created.json().path("items").get(0).path("substitution").isNull()).isTrue();
        assertThat(created.json().path("items").get(1).path("substitution").asString()).isEqualTo("REFUND_ITEM");
        String stored = jdbc.queryForObject("SELECT substitution_preference FROM orders WHERE id = ?::uuid",
                String.class, created.text("id"));
        assertThat(stored).isEqualTo("SIMILAR_ITEM");
    }

    @Test
    void aFoodOrdersEstimateIncludesTheKitchensPreparationTime() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        VendorStub kiez = VendorStub.grocer().quotes();

        JsonNode food = place(luigi, UUID.randomUUID()).json();
        JsonNode grocery = place(kiez, UUID.randomUUID()).json();

        assertThat(food.path("estimatedReadyMinutes").asInt()).isEqualTo(luigi.prepMinutes);
        // ~200 m ride at 15 km/h (1 minute) and 5 minutes of handover on top of the kitchen
        assertThat(food.path("estimatedDeliveryMinutes").asInt()).isEqualTo(15 + 1 + 5);
        assertThat(grocery.path("estimatedReadyMinutes").asInt()).isEqualTo(10);
        assertThat(food.path("estimatedDeliveryAt").asString()).isNotBlank();
    }

    // ---- bad input -----------------------------------------------------------------------------------------

    @Test
    void quantitiesOfZeroOrTenThousandAreRefused() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        for (int quantity : new int[] {0, 10_000}) {
            Map<String, Object> body = luigi.standardOrder();
            body.put("items", List.of(VendorStub.line(luigi.item(0), quantity)));

            Response refused = place(luigi, UUID.randomUUID(), body, null);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("items[0].quantity");
        }
        assertThat(luigi.quoteRequestCount()).isZero();
    }

    @Test
    void onlyCustomersPlaceOrders() {
        VendorStub luigi = VendorStub.pizzeria().quotes();

        Response byVendor = api.post("/api/v1/orders", luigi.standardOrder(), vendorToken(luigi.ownerId));

        assertThat(byVendor.status()).isEqualTo(403);
    }

    @Test
    void missingOrTamperedTokensAreUnauthorized() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        String token = customerToken(UUID.randomUUID());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(api.post("/api/v1/orders", luigi.standardOrder(), null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/orders", luigi.standardOrder(), tampered).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/orders", luigi.standardOrder(), TestTokens.forgedToken(UUID.randomUUID(),
                "CUSTOMER")).status()).isEqualTo(401);
    }
}
