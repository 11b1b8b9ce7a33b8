package com.delivery.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 at sign-up and in the profile: a NUL in the name was a 500 (PostgreSQL refuses NUL in text), an overlong UTF-8 sequence
 * was stored as another character, an unpaired surrogate as "?". Now each is a 400 problem and nothing is stored;
 * accepted names come back exactly as sent. Same Spring configuration as {@link UserApiIT}, so the context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class RegistrationInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    @Test
    void aNulInTheNameIsA400NamingTheFieldAndNoAccount() {
        Map<String, Object> body = registration(uniqueEmail());
        body.put("fullName", "Ada\u0000Lovelace");

        Response response = api.post("/api/v1/auth/register", body, null);

        assertRefused(response, "fullName", "NUL");
        assertThat(login((String) body.get("email")).status()).isEqualTo(401);
    }

    @Test
    void overlongUtf8AndUnpairedSurrogatesAreRefusedNotStoredAsOtherCharacters() {
        String json = JSON.writeValueAsString(registration(uniqueEmail())).replace("Test Person", "NAME");
        for (String bad : List.of("78c0a279", "78eda08079", "78f08080af79", "78e28279")) {
            Response response = api.sendBytes("POST", "/api/v1/auth/register", splice(json, "NAME", bad),
                    "application/json", null);
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("type")).isEqualTo("/problems/invalid-encoding");
        }
        Response escaped = api.sendBytes("POST", "/api/v1/auth/register",
                json.replace("NAME", "x\\ud800y").getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertRefused(escaped, "fullName", "surrogate");
    }

    @Test
    void acceptedNamesComeBackByteForByte() {
        String name = "Zoë Ångström-北京 😀 \u202e e\u0301";
        Map<String, Object> body = registration(uniqueEmail());
        body.put("fullName", name);

        Response created = api.post("/api/v1/auth/register", body, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("fullName")).isEqualTo(name);
        String token = login((String) body.get("email")).text("accessToken");
        assertThat(api.get("/api/v1/users/me", token).text("fullName")).isEqualTo(name);
    }

    /** Found by the fuzz test: a profile update to a name of blanks only was a 500. */
    @Test
    void aNameOfBlanksInAProfileUpdateIsA400() {
        Map<String, Object> body = registration(uniqueEmail());
        assertThat(api.post("/api/v1/auth/register", body, null).status()).isEqualTo(201);
        String token = login((String) body.get("email")).text("accessToken");

        assertRefused(api.put("/api/v1/users/me", Map.of("fullName", "\t\n\r"), token), "fullName", "blank");
        assertThat(api.get("/api/v1/users/me", token).text("fullName")).isEqualTo("Test Person");
    }

    @Test
    void wrongShapesAreProblemsNotCrashes() {
        for (String json : List.of("", "null", "[]", "{\"email\":[],\"password\":{}}", "{\"role\":\"EMPEROR\"}",
                "{\"fullName\":1e999999}", "[".repeat(3000))) {
            Response response = api.sendBytes("POST", "/api/v1/auth/register", json.getBytes(StandardCharsets.UTF_8),
                    "application/json", null);
            assertThat(response.status()).as(json).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private Response login(String email) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", "Correct-horse-42"), null);
    }

    private static Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", "Correct-horse-42");
        body.put("fullName", "Test Person");
        body.put("phone", "+4915112345678");
        body.put("role", "CUSTOMER");
        body.put("locale", "en");
        return body;
    }

    private static byte[] splice(String json, String placeholder, String hex) {
        int at = json.indexOf(placeholder);
        byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] middle = HexFormat.of().parseHex(hex);
        byte[] tail = json.substring(at + placeholder.length()).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(middle, 0, body, head.length, middle.length);
        System.arraycopy(tail, 0, body, head.length + middle.length, tail.length);
        return body;
    }

    private static String uniqueEmail() {
        return "input-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
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
