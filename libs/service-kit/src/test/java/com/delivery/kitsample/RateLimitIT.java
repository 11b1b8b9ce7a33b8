package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.rate-limit.anonymous-per-ip=5", "platform.rate-limit.per-user=8", "platform.rate-limit.window=1h",
        "platform.rate-limit.exempt-paths=/public/ping"})
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class RateLimitIT {

    @LocalServerPort
    int port;

    @BeforeAll
    static void tokens() {
        TestTokens.install();
    }

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void freshAnonymousBudget() {
        redis.delete(redis.keys("rl:ip:*"));
    }

    @Test
    void anonymousCallersAreLimitedPerAddressExceptOnExemptPaths() {
        ApiClient api = ApiClient.onPort(port);
        Map<String, Object> greeting = Map.of("name", "Ada", "times", 1);

        List<Integer> limited = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            limited.add(api.post("/public/greetings", greeting, null).status());
        }

        assertThat(limited.subList(0, 5)).containsOnly(200);
        assertThat(limited.subList(5, 7)).containsOnly(429);
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/public/ping", null).status()).as("exempt path, call %d", i).isEqualTo(200);
        }
    }

    @Test
    void eachUserHasTheirOwnBudgetAndTheExcessGets429WithRetryAfter() {
        ApiClient api = ApiClient.onPort(port);
        String alice = TestTokens.token(UUID.randomUUID(), "CUSTOMER");
        String bob = TestTokens.token(UUID.randomUUID(), "CUSTOMER");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(api.get("/private/me", alice).status());
        }

        assertThat(statuses.subList(0, 8)).containsOnly(200);
        assertThat(statuses.subList(8, 10)).containsOnly(429);
        ApiClient.Response limited = api.get("/private/me", alice);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/private/me", bob).status()).as("another user is unaffected").isEqualTo(200);
    }
}
