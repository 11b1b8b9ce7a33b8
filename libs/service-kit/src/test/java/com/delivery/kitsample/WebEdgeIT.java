package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class WebEdgeIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeAll
    static void tokens() {
        TestTokens.install();
    }

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    @Test
    void publicPathsNeedNoToken() {
        assertThat(api.get("/public/ping", null).status()).isEqualTo(200);
    }

    @Test
    void everythingElseNeedsAValidToken() {
        UUID user = UUID.randomUUID();

        assertThat(api.get("/private/me", null).status()).isEqualTo(401);
        assertThat(api.get("/private/me", TestTokens.expiredToken(user, "CUSTOMER")).status()).isEqualTo(401);
        assertThat(api.get("/private/me", TestTokens.forgedToken(user, "CUSTOMER")).status()).isEqualTo(401);
        Response ok = api.get("/private/me", TestTokens.token(user, "CUSTOMER"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text("id")).isEqualTo(user.toString());
    }

    @Test
    void unauthorizedIsAProblemWithABearerChallenge() {
        Response response = api.get("/private/me", null);

        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.text("type")).isEqualTo("/problems/unauthorized");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void aPublicEndpointThatNeedsTheCallerAnswers401WithoutAToken() {
        Response response = api.get("/public/whoami", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rolesComeFromTheToken() {
        assertThat(api.get("/private/admin", TestTokens.token(UUID.randomUUID(), "CUSTOMER")).status()).isEqualTo(403);
        assertThat(api.get("/private/admin", TestTokens.token(UUID.randomUUID(), "ADMIN")).status()).isEqualTo(200);
    }

    @Test
    void validationFailuresListEveryField() {
        Response response = api.post("/public/greetings", Map.of("name", " ", "times", 11), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("name", "times");
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() {
        assertThat(api.post("/public/greetings", "{oops", null).status()).isEqualTo(400);
        Response wrongType = api.post("/public/greetings", "{\"name\":\"a\",\"times\":\"many\"}", null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").get(0).path("field").asString()).isEqualTo("times");
        assertThat(api.get("/private/things/not-a-uuid", TestTokens.token(UUID.randomUUID(), "CUSTOMER")).status())
                .isEqualTo(400);
    }

    @Test
    void leftOutPrimitivesTakeTheirDefault() {
        assertThat(api.post("/public/greetings", Map.of("name", "Ada"), null).status()).isEqualTo(200);
    }

    @Test
    void bodiesOverTheLimitGet413() {
        Response response = api.post("/public/greetings", Map.of("name", "x".repeat(5000), "times", 1), null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownThingsAreNotFoundProblems() {
        String token = TestTokens.token(UUID.randomUUID(), "CUSTOMER");

        Response missing = api.get("/private/things/" + UUID.randomUUID(), token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("/problems/not-found");
        assertThat(api.get("/private/no-such-route", token).status()).isEqualTo(404);
    }

    @Test
    void unexpectedErrorsRevealNothingInternal() {
        Response response = api.get("/public/boom", null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(response.text("correlationId")).isNotBlank();
    }

    @Test
    void correlationIdIsKeptWhenWellFormedAndReplacedOtherwise() {
        Response kept = api.send("GET", "/public/ping", null, null, Map.of("X-Correlation-Id", "abc-123"));
        Response replaced = api.send("GET", "/public/ping", null, null, Map.of("X-Correlation-Id", "bad id\twith tab"));

        assertThat(kept.header("X-Correlation-Id")).isEqualTo("abc-123");
        assertThat(replaced.header("X-Correlation-Id")).isNotEqualTo("bad id\twith tab").hasSize(36);
    }

    @Test
    void theOutboxBacklogIsExportedForAlerts() {
        assertThat(api.get("/actuator/prometheus", null).body()).contains("outbox_pending_events{application=\"kit-test\"}");
    }

    @Test
    void securityHeadersAreSet() {
        Response response = api.get("/public/ping", null);

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }
}
