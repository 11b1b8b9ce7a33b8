package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 at checkout: a NUL in the note or the address, bytes that are not UTF-8 and fractional quantities are
 * refused with a 400 naming the field (before the vendor is even asked), and no order is made; an accepted note
 * comes back exactly as sent.
 */
class CheckoutInputIT extends OrderServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aNulInTheNoteOrTheAddressIsA400NamingTheField() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID customer = UUID.randomUUID();

        Map<String, Object> note = luigi.standardOrder();
        note.put("note", "ring twice\u0000");
        assertRefused(place(luigi, customer, note, null), "note", "NUL");

        Map<String, Object> address = luigi.standardOrder();
        address.put("deliveryAddress", Map.of("line1", "Torstraße\u0000 49", "city", "Berlin", "lat", 52.5291,
                "lng", 13.4013));
        assertRefused(place(luigi, customer, address, null), "deliveryAddress.line1", "NUL");

        assertThat(orderRows(customer)).isZero();
        assertThat(luigi.quoteRequestCount()).isZero();
    }

    @Test
    void aFractionalQuantityIsRefusedNotRoundedDown() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID customer = UUID.randomUUID();

        Map<String, Object> body = luigi.standardOrder();
        Map<String, Object> line = new HashMap<>(VendorStub.line(luigi.item(0), 1));
        line.put("quantity", 1.5);
        body.put("items", List.of(line));
        assertRefused(place(luigi, customer, body, null), "items.0.quantity", "whole number");

        line.put("quantity", "2");
        assertRefused(place(luigi, customer, body, null), "items.0.quantity", "whole number");

        body.put("items", List.of(VendorStub.line(luigi.item(0), 2)));
        body.put("tipMinor", 99.9);
        assertRefused(place(luigi, customer, body, null), "tipMinor", "whole number");

        assertThat(orderRows(customer)).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AndUnpairedSurrogatesAreRefused() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID customer = UUID.randomUUID();
        Map<String, Object> body = luigi.standardOrder();
        body.put("note", "NOTE");
        String json = JSON.writeValueAsString(body);

        for (String bad : List.of("78c0a279", "78eda08079", "78c3")) {
            int at = json.indexOf("NOTE");
            byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] middle = HexFormat.of().parseHex(bad);
            byte[] tail = json.substring(at + 4).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + middle.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(middle, 0, bytes, head.length, middle.length);
            System.arraycopy(tail, 0, bytes, head.length + middle.length, tail.length);
            Response response = api.sendBytes("POST", "/api/v1/orders", bytes, "application/json",
                    customerToken(customer));
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(response.text("type")).isEqualTo("/problems/invalid-encoding");
        }
        Response escaped = api.sendBytes("POST", "/api/v1/orders",
                json.replace("NOTE", "x\\udc00y").getBytes(StandardCharsets.UTF_8), "application/json",
                customerToken(customer));
        assertRefused(escaped, "note", "surrogate");
        assertThat(orderRows(customer)).isZero();
    }

    @Test
    void anAcceptedNoteComesBackByteForByte() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID customer = UUID.randomUUID();
        String note = "Klingeln bei Zoë 😀 – 3. OG, \u202e links \t\nDanke";
        Map<String, Object> body = luigi.standardOrder();
        body.put("note", note);

        Response created = place(luigi, customer, body, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response read = api.get("/api/v1/orders/" + created.text("id"), customerToken(customer));
        assertThat(read.text("note")).isEqualTo(note);
    }

    @Test
    void badIdsInThePathOrQueryAreProblemsNotCrashes() {
        String admin = adminToken();
        for (String path : List.of("/api/v1/orders/not-a-uuid", "/api/v1/orders/%00", "/api/v1/orders/%C0%A2",
                "/api/v1/admin/orders?vendorId=12.5", "/api/v1/admin/orders?status=NOPE",
                "/api/v1/admin/orders?from=yesterday", "/api/v1/admin/orders?page=1.5",
                "/api/v1/admin/orders?category=a%00b")) {
            Response response = api.get(path, admin);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    private static void assertRefused(Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().path("errors").valueStream()
                .filter(e -> e.path("field").asString().equals(field)).findFirst().orElse(null);
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.path("message").asString()).as(response.body()).containsIgnoringCase(messagePart);
    }
}
