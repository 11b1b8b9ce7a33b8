package com.delivery.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.ApiClient.Response;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Login throttling as a client behind the ingress meets it (issue 14). The test is the trusted proxy: it connects
 * from loopback (trusted by default) and names the client in X-Forwarded-For, as the ingress does. The test
 * profile allows 3 free failures per account and address, then waits of 1 s, 2 s, 4 s ...; the account-wide (20)
 * and address-wide (100) allowances are the defaults. Same configuration as {@link UserApiIT}: one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
class LoginThrottlingIT {

    private static final String PASSWORD = "Correct-horse-42";
    private static final String WRONG = "Wrong-password-1";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    @Test
    void anAttackerElsewhereNeverKeepsAdaOutOfHerUsualAddress() {
        String ada = registered();
        String home = randomAddress();
        assertThat(loginFrom(home, ada, PASSWORD).status()).as("Ada's usual address").isEqualTo(200);

        List<Integer> attacker = new ArrayList<>();
        String attackerAddress = randomAddress();
        for (int i = 0; i < 50; i++) {
            attacker.add(loginFrom(attackerAddress, ada, WRONG + i).status());
        }
        assertThat(attacker).containsOnly(401, 429).contains(429);

        // the same attack spread over many addresses exhausts the account-wide allowance (20) ...
        List<Integer> botnet = new ArrayList<>();
        for (int i = 0; i < 40 && !botnet.contains(429); i++) {
            botnet.add(loginFrom(randomAddress(), ada, WRONG + i).status());
        }
        assertThat(botnet).containsOnly(401, 429).contains(429);
        // ... so an address that never logged in waits, even with the right password
        Response stranger = loginFrom(randomAddress(), ada, PASSWORD);
        assertThat(stranger.status()).isEqualTo(429);

        Response adaAtHome = loginFrom(home, ada, PASSWORD);
        assertThat(adaAtHome.status()).as("Ada at home, during the attack: %s", adaAtHome).isEqualTo(200);
        assertThat(adaAtHome.text("accessToken")).isNotBlank();
    }

    @Test
    void anAddressThatFailedForManyAccountsStillLetsOtherAccountsIn() {
        String shared = randomAddress();
        List<Integer> stuffing = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stuffing.add(loginFrom(shared, "victim-" + UUID.randomUUID() + "@example.com", WRONG).status());
        }
        assertThat(stuffing).containsOnly(401);
        String bob = registered();

        assertThat(loginFrom(shared, bob, PASSWORD).status()).as("Bob, who never failed, from the same address")
                .isEqualTo(200);
        assertThat(loginFrom(shared, "root-admin@test.local", "Bootstrap-Admin-2026").status())
                .as("the admin from the same address").isEqualTo(200);
    }

    @Test
    void repeatedFailuresForOneAccountFromOneAddressWaitLongerEveryTimeTheRightPasswordToo() {
        String email = registered();
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(loginFrom(address, email, WRONG).status()).as("free failure %d", i + 1).isEqualTo(401);
        }

        List<Long> retryAfter = new ArrayList<>();
        Response first = loginFrom(address, email, PASSWORD);
        assertThat(first.status()).as("the right password while waiting").isEqualTo(429);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.text("type")).isEqualTo("/problems/rate-limited");
        retryAfter.add(Long.parseLong(first.header("Retry-After")));
        for (int round = 0; round < 2; round++) {
            // retrying while the wait lasts is refused without counting; the first attempt after it counts
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> loginFrom(address, email, WRONG).status() == 401);
            Response refused = loginFrom(address, email, WRONG);
            assertThat(refused.status()).isEqualTo(429);
            retryAfter.add(Long.parseLong(refused.header("Retry-After")));
        }

        // 1, 2, 4 s counted from each failure; a loaded machine may take a moment off the later ones, never the growth
        assertThat(retryAfter.getFirst()).isEqualTo(1L);
        assertThat(retryAfter).isSorted().doesNotHaveDuplicates();
        assertThat(retryAfter.getLast()).isGreaterThanOrEqualTo(3L);
        assertThat(loginFrom(randomAddress(), email, PASSWORD).status())
                .as("the same account from another address").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        String email = registered();
        String address = randomAddress();
        for (int i = 0; i < 4; i++) {
            loginFrom(address, email, WRONG);
        }
        assertThat(loginFrom(address, email, WRONG).status()).isEqualTo(429);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> loginFrom(address, email, PASSWORD).status() == 200);

        for (int i = 0; i < 3; i++) {
            assertThat(loginFrom(address, email, WRONG).status()).as("free failure %d again", i + 1).isEqualTo(401);
        }
        Response refused = loginFrom(address, email, WRONG);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).as("the first wait again, not the next one").isEqualTo("1");
    }

    @Test
    void parallelGuessesGetNoMoreThanTheAllowance() throws Exception {
        String email = registered();
        String address = randomAddress();
        assertThat(loginFrom(address, email, WRONG).status()).isEqualTo(401);

        int parallel = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return ApiClient.onPort(port).send("POST", "/api/v1/auth/login",
                            Map.of("email", email, "password", WRONG), null, Map.of("X-Forwarded-For", address)).status();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("guesses checked: %s", statuses)
                .isLessThanOrEqualTo(2);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String registered() {
        String email = "throttle-" + UUID.randomUUID() + "@example.com";
        Response created = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "fullName", "Test Person", "role", "CUSTOMER"), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return email;
    }

    /** A login that the ingress forwarded for {@code clientAddress}. */
    private Response loginFrom(String clientAddress, String email, String password) {
        return api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null,
                Map.of("X-Forwarded-For", clientAddress));
    }

    /** A client address no other test (or earlier run) used: counters live in Redis for an hour. */
    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
