package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import com.delivery.testsupport.fuzz.RawHttp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 14 at the kit level: what any service built on the kit accepts as input, and how it refuses the rest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class InputHardeningIT {

    @LocalServerPort
    int port;

    ApiClient api;
    RawHttp raw;

    @BeforeAll
    static void tokens() {
        TestTokens.install();
    }

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
        raw = RawHttp.onPort(port);
    }

    // ---- text ------------------------------------------------------------------------------------------------

    @Test
    void nulAnywhereInTextIsA400NamingTheField() {
        assertRefused(echo("{\"name\":\"a\\u0000b\"}"), "name", "NUL");
        assertRefused(echo("{\"tags\":[\"ok\",\"a\\u0000\"]}"), "tags.1", "NUL");
        assertRefused(echo("{\"labels\":{\"k\":\"\\u0000\"}}"), "labels.k", "NUL");
        assertRefused(echo("{\"labels\":{\"a\\u0000\":\"v\"}}"), null, "NUL");
    }

    @Test
    void unpairedSurrogatesAreRefusedWhetherEscapedOrRaw() {
        assertRefused(echo("{\"name\":\"x\\ud800y\"}"), "name", "surrogate");
        assertRefused(echo("{\"name\":\"x\\udc00\"}"), "name", "surrogate");
        assertRefused(echo("{\"name\":\"\\udc00\\ud800\"}"), "name", "surrogate");
        Response raw = bytes("{\"name\":\"x", "eda080", "y\"}");
        assertThat(raw.status()).as(raw.body()).isEqualTo(400);
        assertThat(raw.text("type")).isEqualTo("/problems/invalid-encoding");
    }

    @Test
    void bytesThatAreNotStrictUtf8AreRefused() {
        for (String bad : List.of("c0a2", "c1bf", "e080af", "f08080af", "f4908080", "ff", "80", "e282")) {
            Response response = bytes("{\"name\":\"x", bad, "y\"}");
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("type")).isEqualTo("/problems/invalid-encoding");
        }
        Response cutOff = bytes("{\"name\":\"x", "e282", "");
        assertThat(cutOff.status()).isEqualTo(400);
    }

    @Test
    void acceptedTextComesBackByteForByte() {
        String name = "Zoë 😀 café \u202e ﷺ e\u0301 北京";
        Response response = api.sendBytes("POST", "/public/echo",
                ("{\"name\":\"" + name + "\",\"tags\":[\"\\ud83d\\ude00\"]}").getBytes(StandardCharsets.UTF_8),
                "application/json", token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("name")).isEqualTo(name);
        assertThat(response.json().path("tags").get(0).asString()).isEqualTo("😀");
    }

    @Test
    void rawBodiesReachTheEndpointUnchanged() throws Exception {
        byte[] body = "{\"type\":\"payment_intent.succeeded\",\"name\":\"Zoë 😀\"}".getBytes(StandardCharsets.UTF_8);
        Response response = api.sendBytes("POST", "/public/raw", body, "application/json; charset=utf-8", token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("length").asInt()).isEqualTo(body.length);
        assertThat(response.text("sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        // not declared as text: not checked
        Response binary = api.sendBytes("POST", "/public/raw", HexFormat.of().parseHex("c0a2ff00"),
                "application/octet-stream", token());
        assertThat(binary.status()).as(binary.body()).isEqualTo(200);
        assertThat(binary.json().path("length").asInt()).isEqualTo(4);
    }

    // ---- numbers ---------------------------------------------------------------------------------------------

    @Test
    void integerFieldsRefuseFractionsAndQuotedNumbers() {
        assertRefused(echo("{\"count\":12.5}"), "count", "whole number");
        assertRefused(echo("{\"times\":1.5}"), "times", "whole number");
        assertRefused(echo("{\"amount\":\"12\"}"), "amount", "whole number");
        assertRefused(echo("{\"count\":1.0}"), "count", "whole number");
        assertRefused(echo("{\"count\":1e2}"), "count", "whole number");
        assertRefused(echo("{\"count\":\"\"}"), "count", "whole number");
        assertRefused(echo("{\"count\":99999999999999999999}"), "count", null);
        Response whole = echo("{\"count\":12,\"amount\":-3,\"times\":2}");
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        assertThat(whole.json().path("count").asInt()).isEqualTo(12);
    }

    @Test
    void numbersMustBeFinite() {
        assertRefused(echo("{\"lat\":1e999}"), "lat", "finite");
        assertRefused(echo("{\"lat\":\"NaN\"}"), "lat", "finite");
        assertRefused(echo("{\"lat\":\"-Infinity\"}"), "lat", "finite");
        assertThat(echo("{\"lat\":52.52}").json().path("lat").asDouble()).isEqualTo(52.52);
    }

    @Test
    void wrongTypesNameTheFieldAndWhatWasExpected() {
        assertRefused(echo("{\"size\":\"HUGE\"}"), "size", "SMALL, LARGE");
        assertRefused(echo("{\"ref\":\"not-a-uuid\"}"), "ref", "UUID");
        assertRefused(echo("{\"tags\":{\"a\":1}}"), "tags", null);
        for (String body : List.of("", "null", "[]", "{", "\"text\"", "[".repeat(900), "{\"a\":}", "{'a':1}")) {
            Response response = echo(body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("tools.jackson").doesNotContain("Exception");
        }
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        assertRefused(echo("{\"imageUrl\":\"javascript:alert(1)\"}"), "imageUrl", "http");
        assertRefused(echo("{\"imageUrls\":[\"https://cdn.example.com/a.png\",\"data:text/html,x\"]}"),
                "imageUrls[1]", "http");
        Response ok = echo("{\"imageUrl\":\"https://cdn.example.com/a.png\",\"imageUrls\":[\"http://example.com/b\"]}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    // ---- URLs ------------------------------------------------------------------------------------------------

    @Test
    void queryValuesMustBeWellEncodedUtf8WithoutNul() {
        for (String query : List.of("q=a%00b", "q=%C0%A2", "q=%ED%A0%80", "q=%FF", "q=%ZZ", "q=%", "a%00=1")) {
            RawHttp.Response response = raw.send("GET", "/public/search?" + query, auth(), null);
            assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.text()).contains("/problems/malformed-url");
        }
        RawHttp.Response named = raw.send("GET", "/public/search?page=1&q=a%00b", auth(), null);
        assertThat(named.text()).contains("\"field\":\"q\"");
        Response emoji = api.get("/public/search?q=%F0%9F%98%80", token());
        assertThat(emoji.status()).isEqualTo(200);
        assertThat(emoji.text("q")).isEqualTo("😀");
    }

    @Test
    void queryNumbersMustBeNumbersOfTheRightKind() {
        for (String query : List.of("radius=Infinity", "radius=NaN", "radius=1e999", "page=1.5", "page=abc",
                "page=99999999999999999999", "size=HUGE")) {
            Response response = api.get("/public/search?" + query, token());
            assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/public/search?radius=2.5&page=1", token()).json().path("radius").asDouble()).isEqualTo(2.5);
    }

    @Test
    void pathsWithBadBytesOrIdsAreProblemsNotPagesOrCrashes() {
        for (String path : List.of("/public/names/a%00b", "/public/names/%C0%A2", "/public/names/%ED%A0%80",
                "/public/names/%ZZ", "/public/names/%E2%82", "/public/things/not-a-uuid", "/public/things/12.5",
                "/public/names/a%2Fb", "/public/names/a;b=c", "/public/%2e%2e/ping", "/public//ping",
                "/public/names/%25", "/no/such/route")) {
            RawHttp.Response response = raw.send("GET", path, auth(), null);
            assertThat(response.status()).as(path + ": " + response).isBetween(400, 499);
            assertThat(response.header("content-type")).as(path + ": " + response)
                    .startsWith("application/problem+json");
            assertThat(response.text()).doesNotContain("<html").doesNotContain("Exception");
        }
        assertThat(api.get("/public/names/%F0%9F%98%80", token()).text("name")).isEqualTo("😀");
    }

    @Test
    void theServletErrorPageIsAProblemToo() {
        RawHttp.Response response = raw.send("GET", "/error", Map.of(), null);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void wrongContentTypesAreProblems() {
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json;charset=bogus", "application/*", "*/*", "application/*+json", "multipart/form-data",
                "multipart/form-data; boundary=xyz", "json", "")) {
            Response response = api.sendBytes("POST", "/public/echo", "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                    type, token());
            assertThat(response.status()).as(type + ": " + response.body()).isBetween(400, 499);
            assertThat(response.contentType()).as(type).startsWith("application/problem+json");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Response echo(String json) {
        return api.sendBytes("POST", "/public/echo", json.getBytes(StandardCharsets.UTF_8), "application/json",
                token());
    }

    /** Requests carry a token of a new user each: per-user limits, so the anonymous allowance stays for others. */
    private static String token() {
        return TestTokens.token(UUID.randomUUID(), "CUSTOMER");
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token());
    }

    private Response bytes(String before, String hex, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] middle = HexFormat.of().parseHex(hex);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(middle, 0, body, head.length, middle.length);
        System.arraycopy(tail, 0, body, head.length + middle.length, tail.length);
        return api.sendBytes("POST", "/public/echo", body, "application/json", token());
    }

    private static void assertRefused(Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("tools.jackson").doesNotContain("Exception");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.isArray()).as(response.body()).isTrue();
        JsonNode first = errors.get(0);
        if (field != null) {
            assertThat(first.path("field").asString()).as(response.body()).isEqualTo(field);
        }
        if (messagePart != null) {
            assertThat(first.path("message").asString()).as(response.body()).containsIgnoringCase(messagePart);
        }
    }
}
