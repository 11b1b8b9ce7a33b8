package com.delivery.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.EventCodec;
import com.delivery.events.Topics;
import com.delivery.events.UserRegistered;
import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.OpenApiContract;
import com.delivery.testsupport.EventProbe;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class UserApiIT {

    private static final String PASSWORD = "Correct-horse-42";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    @Test
    void thePublishedOpenApiDocumentIsWhatTheServiceServes() {
        OpenApiContract.check(api, "user-service");
    }

    // ---- registration ----------------------------------------------------------------------------------------

    @Test
    void registeringCreatesAnAccountAndPublishesUserRegistered() {
        try (EventProbe probe = EventProbe.open(Topics.USER_REGISTERED)) {
            String email = uniqueEmail();
            Response created = register(email, "CUSTOMER");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("email")).isEqualTo(email);
            assertThat(created.text("role")).isEqualTo("CUSTOMER");
            assertThat(created.body()).doesNotContain("password");
            String userId = created.text("id");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(probe.valuesFor(userId)).hasSize(1);
                UserRegistered event = EventCodec.decode(probe.valuesFor(userId).getFirst(), UserRegistered.class)
                        .payload();
                assertThat(event.email()).isEqualTo(email);
                assertThat(event.role()).isEqualTo("CUSTOMER");
            });
        }
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        String email = uniqueEmail();
        register(email, "CUSTOMER");

        Response again = register(email.toUpperCase(), "DRIVER");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("type")).isEqualTo("/problems/email-taken");
    }

    @Test
    void weakPasswordIsRefusedSayingWhy() {
        Map<String, Object> body = registration(uniqueEmail(), "VENDOR");
        body.put("password", "abcdefghijkl");

        Response response = api.post("/api/v1/auth/register", body, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("must contain a digit");
    }

    @Test
    void invalidFieldsAreListed() {
        Map<String, Object> body = registration("not-an-email", "CUSTOMER");
        body.put("phone", "12");
        body.remove("fullName");

        Response response = api.post("/api/v1/auth/register", body, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("email", "phone", "fullName");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void nobodyRegistersAsAdmin() {
        assertThat(register(uniqueEmail(), "ADMIN").status()).isEqualTo(403);
    }

    @Test
    void malformedJsonIsABadRequest() {
        Response response = api.post("/api/v1/auth/register", "{\"email\": ", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("/problems/malformed-body");
    }

    @Test
    void oversizedBodyIsRefused() {
        Map<String, Object> body = registration(uniqueEmail(), "CUSTOMER");
        body.put("fullName", "x".repeat(300_000));

        assertThat(api.post("/api/v1/auth/register", body, null).status()).isEqualTo(413);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Map<String, Object> body = registration(uniqueEmail(), "CUSTOMER");
        body.put("favouriteColour", "green");

        assertThat(api.post("/api/v1/auth/register", body, null).status()).isEqualTo(201);
    }

    // ---- login and tokens ------------------------------------------------------------------------------------

    @Test
    void loginIssuesAnRs256TokenThatTheJwksVerifies() {
        String email = uniqueEmail();
        String userId = register(email, "DRIVER").text("id");

        Response login = login(email, PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        String jwksUri = "http://127.0.0.1:" + port + "/.well-known/jwks.json";
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(jwksUri).build().decode(login.text("accessToken"));
        assertThat(jwt.getSubject()).isEqualTo(userId);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("DRIVER");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        String email = uniqueEmail();
        register(email, "CUSTOMER");

        // from an address of their own: failures from loopback itself would add up over runs (address-wide count)
        Map<String, String> client = Map.of("X-Forwarded-For", "10.99." + ThreadLocalRandom.current().nextInt(256) + ".7");
        Response wrongPassword = api.send("POST", "/api/v1/auth/login",
                Map.of("email", email, "password", "Wrong-password-1"), null, client);
        Response unknownEmail = api.send("POST", "/api/v1/auth/login",
                Map.of("email", uniqueEmail(), "password", "Wrong-password-1"), null, client);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
        assertThat(wrongPassword.text("type")).isEqualTo(unknownEmail.text("type"));
    }

    // repeated failures, 429 and Retry-After: LoginThrottlingIT

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        String email = uniqueEmail();
        register(email, "CUSTOMER");
        String first = login(email, PASSWORD).text("refreshToken");

        Response rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("refreshToken");
        assertThat(second).isNotEqualTo(first);

        assertThat(refresh(first).status()).as("reusing a retired token").isEqualTo(401);
        assertThat(refresh(second).status()).as("its successor is revoked too").isEqualTo(401);
    }

    @Test
    void logoutEndsTheRefreshChain() {
        String email = uniqueEmail();
        register(email, "CUSTOMER");
        String refreshToken = login(email, PASSWORD).text("refreshToken");

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", refreshToken), null).status()).isEqualTo(204);

        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }

    // ---- my account ------------------------------------------------------------------------------------------

    @Test
    void meNeedsAValidToken() {
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", "not.a.jwt").status()).isEqualTo(401);
        Response anonymous = api.get("/api/v1/users/me", null);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aUserReadsAndChangesTheirProfile() {
        String email = uniqueEmail();
        register(email, "CUSTOMER");
        String token = login(email, PASSWORD).text("accessToken");

        Response changed = api.put("/api/v1/users/me", Map.of("fullName", "Ada Lovelace", "phone", "+441234567890"), token);

        assertThat(changed.status()).isEqualTo(200);
        Response me = api.get("/api/v1/users/me", token);
        assertThat(me.text("fullName")).isEqualTo("Ada Lovelace");
        assertThat(me.text("phone")).isEqualTo("+441234567890");
        assertThat(me.text("email")).isEqualTo(email);
    }

    @Test
    void addressesBelongToTheirOwner() {
        String alice = tokenFor(uniqueEmail(), "CUSTOMER");
        String bob = tokenFor(uniqueEmail(), "CUSTOMER");

        Response home = api.post("/api/v1/users/me/addresses", address("Home", 52.52, 13.405), alice);
        assertThat(home.status()).as(home.body()).isEqualTo(201);
        assertThat(home.json().path("isDefault").asBoolean()).as("the first address is the default").isTrue();
        String homeId = home.text("id");
        api.post("/api/v1/users/me/addresses", address("Work", 52.50, 13.40), alice);

        assertThat(api.get("/api/v1/users/me/addresses", alice).json().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/users/me/addresses", bob).json().size()).isZero();
        assertThat(api.delete("/api/v1/users/me/addresses/" + homeId, bob).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/users/me/addresses/" + homeId, address("Mine", 1, 1), bob).status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/users/me/addresses/" + homeId, alice).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me/addresses", alice).json().size()).isEqualTo(1);
    }

    @Test
    void addressCoordinatesMustBeOnEarth() {
        String token = tokenFor(uniqueEmail(), "CUSTOMER");

        Response response = api.post("/api/v1/users/me/addresses", address("Moon", 123, 13.4), token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("lat");
    }

    // ---- admin -----------------------------------------------------------------------------------------------

    @Test
    void adminSuspendsAUserWhoThenCannotLogInOrRefresh() {
        String admin = login("root-admin@test.local", "Bootstrap-Admin-2026").text("accessToken");
        String email = uniqueEmail();
        String userId = register(email, "VENDOR").text("id");
        String refreshToken = login(email, PASSWORD).text("refreshToken");

        Response suspended = api.post("/api/v1/admin/users/" + userId + "/suspend", null, admin);

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(login(email, PASSWORD).status()).isEqualTo(403);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);

        assertThat(api.post("/api/v1/admin/users/" + userId + "/reactivate", null, admin).status()).isEqualTo(200);
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void adminSearchesUsersByEmailAndRole() {
        String admin = login("root-admin@test.local", "Bootstrap-Admin-2026").text("accessToken");
        String marker = "findme" + UUID.randomUUID().toString().substring(0, 8);
        register(marker + "@example.com", "DRIVER");
        register(marker + "-2@example.com", "CUSTOMER");

        Response drivers = api.get("/api/v1/admin/users?q=" + marker + "&role=DRIVER", admin);

        assertThat(drivers.status()).isEqualTo(200);
        assertThat(drivers.json().path("total").asLong()).isEqualTo(1);
        assertThat(drivers.json().path("items").get(0).path("email").asString()).isEqualTo(marker + "@example.com");
        assertThat(api.get("/api/v1/admin/users/stats", admin).json().path("ADMIN").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void adminEndpointsRefuseOthers() {
        String customer = tokenFor(uniqueEmail(), "CUSTOMER");

        assertThat(api.get("/api/v1/admin/users", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/users", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/users/" + UUID.randomUUID() + "/suspend", null, customer).status())
                .isEqualTo(403);
    }

    @Test
    void correlationIdIsEchoedAndCarriedIntoProblems() {
        Response response = api.send("GET", "/api/v1/users/me", null, null, Map.of("X-Correlation-Id", "trace-abc-123"));

        assertThat(response.header("X-Correlation-Id")).isEqualTo("trace-abc-123");
        assertThat(response.text("correlationId")).isEqualTo("trace-abc-123");
    }

    @Test
    void probesAndApiDocsArePublicAndMetricsAreOnTheManagementPort() {
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        assertThat(api.get("/api-docs", null).text("openapi")).startsWith("3.");
        assertThat(ApiClient.onPort(managementPort).get("/actuator/prometheus", null).body())
                .contains("jvm_memory_used_bytes");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String tokenFor(String email, String role) {
        register(email, role);
        return login(email, PASSWORD).text("accessToken");
    }

    private Response register(String email, String role) {
        return api.post("/api/v1/auth/register", registration(email, role), null);
    }

    private static Map<String, Object> registration(String email, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("fullName", "Test Person");
        body.put("phone", "+4915112345678");
        body.put("role", role);
        body.put("locale", "en");
        return body;
    }

    private Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    private Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }

    private static Map<String, Object> address(String label, double lat, double lng) {
        return Map.of("label", label, "line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117",
                "country", "DE", "lat", lat, "lng", lng);
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
