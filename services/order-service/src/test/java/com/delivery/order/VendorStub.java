package com.delivery.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor as the vendor service quotes it, stubbed in WireMock under its own id (tests never share stubs).
 * {@code VendorStub.pizzeria()}, {@code .grocer()}, {@code .pharmacy()}; then {@link #quotes()} to answer with the
 * standard quote, or one of the failure stubs.
 */
public final class VendorStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final UUID vendorId = UUID.randomUUID();
    final UUID ownerId = UUID.randomUUID();
    final String name;
    final String category;
    final int prepMinutes;
    final List<Item> menu = new ArrayList<>();
    private final WireMockServer server;

    record Item(UUID id, String name, long unitPriceMinor, boolean prescriptionRequired) {
    }

    private VendorStub(WireMockServer server, String name, String category, int prepMinutes) {
        this.server = server;
        this.name = name;
        this.category = category;
        this.prepMinutes = prepMinutes;
    }

    static VendorStub pizzeria() {
        VendorStub vendor = new VendorStub(OrderServiceTestBase.VENDOR_SERVICE, "Luigi's Pizzeria", "FOOD", 15);
        vendor.menu.add(new Item(UUID.randomUUID(), "Pizza Margherita", 950, false));
        vendor.menu.add(new Item(UUID.randomUUID(), "Tiramisu", 550, false));
        return vendor;
    }

    static VendorStub grocer() {
        VendorStub vendor = new VendorStub(OrderServiceTestBase.VENDOR_SERVICE, "Kiez Markt", "GROCERY", 0);
        vendor.menu.add(new Item(UUID.randomUUID(), "Oat milk 1 l", 249, false));
        vendor.menu.add(new Item(UUID.randomUUID(), "Sourdough bread", 550, false));
        return vendor;
    }

    static VendorStub pharmacy() {
        VendorStub vendor = new VendorStub(OrderServiceTestBase.VENDOR_SERVICE, "Adler Apotheke", "PHARMACY", 5);
        vendor.menu.add(new Item(UUID.randomUUID(), "Ibuprofen 400", 499, false));
        vendor.menu.add(new Item(UUID.randomUUID(), "Amoxicillin 500", 1290, true));
        return vendor;
    }

    Item item(int index) {
        return menu.get(index);
    }

    /** Two of the first item, one of the second, to Torstraße 49 with a tip of 2.00. */
    Map<String, Object> standardOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vendorId", vendorId.toString());
        body.put("items", List.of(line(item(0), 2), line(item(1), 1)));
        body.put("deliveryAddress", Map.of("line1", "Torstraße 49", "city", "Berlin", "postalCode", "10119",
                "lat", 52.5291, "lng", 13.4013));
        body.put("tipMinor", 200);
        return body;
    }

    static Map<String, Object> line(Item item, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("menuItemId", item.id().toString());
        line.put("quantity", quantity);
        line.put("optionIds", List.of());
        return line;
    }

    // ---- stubs ---------------------------------------------------------------------------------------------

    String quotePath() {
        return "/api/v1/vendors/" + vendorId + "/quote";
    }

    /** Answers every quote with the menu's prices for the standard order's quantities (2 × first, 1 × second). */
    VendorStub quotes() {
        return quotes(quote(List.of()));
    }

    VendorStub quotesWithProblems(String... problems) {
        return quotes(quote(List.of(problems)));
    }

    VendorStub quotes(Map<String, Object> quote) {
        stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(quote)));
        return this;
    }

    VendorStub answers(int status) {
        stub(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"detail\":\"stubbed " + status + "\"}"));
        return this;
    }

    VendorStub dropsConnections() {
        stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        return this;
    }

    VendorStub answersSlowly(int delayMillis) {
        stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withFixedDelay(delayMillis).withBody(JSON.writeValueAsString(quote(List.of()))));
        return this;
    }

    private void stub(ResponseDefinitionBuilder response) {
        MappingBuilder mapping = post(urlEqualTo(quotePath())).willReturn(response);
        server.stubFor(mapping);
    }

    RequestPatternBuilder quoteRequests() {
        return postRequestedFor(urlEqualTo(quotePath()));
    }

    int quoteRequestCount() {
        return server.countRequestsMatching(quoteRequests().build()).getCount();
    }

    RequestPatternBuilder quoteRequestsWithToken(String token) {
        return quoteRequests().withHeader("Authorization", equalTo("Bearer " + token));
    }

    /** The vendor service's quote for the standard quantities. */
    Map<String, Object> quote(List<String> problems) {
        List<Map<String, Object>> items = new ArrayList<>();
        long subtotal = 0;
        int[] quantities = {2, 1};
        for (int i = 0; i < menu.size() && i < 2; i++) {
            Item item = menu.get(i);
            long lineTotal = item.unitPriceMinor() * quantities[i];
            subtotal += lineTotal;
            Map<String, Object> quoted = new LinkedHashMap<>();
            quoted.put("menuItemId", item.id().toString());
            quoted.put("name", item.name());
            quoted.put("quantity", quantities[i]);
            quoted.put("unitPriceMinor", item.unitPriceMinor());
            quoted.put("lineTotalMinor", lineTotal);
            quoted.put("available", true);
            quoted.put("prescriptionRequired", item.prescriptionRequired());
            quoted.put("options", List.of());
            items.add(quoted);
        }
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("vendorId", vendorId.toString());
        quote.put("vendorName", name);
        quote.put("ownerUserId", ownerId.toString());
        quote.put("category", category);
        quote.put("currency", "EUR");
        quote.put("open", true);
        quote.put("deliverable", true);
        quote.put("zoneId", "berlin-mitte");
        quote.put("minimumOrderMinor", 1000);
        quote.put("deliveryFeeMinor", 299);
        quote.put("subtotalMinor", subtotal);
        quote.put("estimatedPrepMinutes", prepMinutes);
        quote.put("vendorLocation", Map.of("lat", 52.5303, "lng", 13.4035));
        quote.put("items", items);
        quote.put("problems", problems);
        return quote;
    }
}
