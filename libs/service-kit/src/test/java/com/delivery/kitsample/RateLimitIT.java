package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.ApiClient;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.rate-limit.anonymous-per-ip=5", "platform.rate-limit.per-user=8", "platform.rate-limit.window=1h",
        "platform.rate-limit.exempt-paths=/public/ping",
        // the trusted proxy here is 127.0.0.1 alone, so a connection from 127.0.0.2 is an untrusted peer
        "server.tomcat.remoteip.internal-proxies=127.0.0.1/32"})
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

    @Test
    void behindATrustedProxyEveryForwardedClientHasItsOwnAnonymousBudget() {
        ApiClient proxy = ApiClient.onPort(port);
        String ada = randomClient();
        String bob = randomClient();
        Map<String, Object> greeting = Map.of("name", "Ada", "times", 1);

        List<Integer> adaStatuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            adaStatuses.add(proxy.send("POST", "/public/greetings", greeting, null, Map.of("X-Forwarded-For", ada)).status());
        }

        assertThat(adaStatuses.subList(0, 5)).containsOnly(200);
        assertThat(adaStatuses.get(5)).isEqualTo(429);
        assertThat(proxy.send("POST", "/public/greetings", greeting, null, Map.of("X-Forwarded-For", bob)).status())
                .as("another client behind the same proxy").isEqualTo(200);
        assertThat(proxy.send("POST", "/public/greetings", greeting, null,
                Map.of("X-Forwarded-For", "203.0.113.250, " + bob)).status())
                .as("the proxy's entry (the rightmost) counts, not what the client put in front of it").isEqualTo(200);
        assertThat(proxy.post("/public/greetings", greeting, null).status())
                .as("the proxy's own calls have their own budget too").isEqualTo(200);
    }

    @Test
    void aForwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() throws Exception {
        HttpClient untrusted = clientBoundTo("127.0.0.2");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // a fresh made-up client address every time: were it believed, no call would ever be limited
            statuses.add(greet(untrusted, randomClient()));
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 7)).as("all calls count against 127.0.0.2 itself").containsOnly(429);
        assertThat(ApiClient.onPort(port).send("POST", "/public/greetings", Map.of("name", "Ada", "times", 1), null,
                Map.of("X-Forwarded-For", randomClient())).status()).as("a client behind the trusted proxy").isEqualTo(200);
    }

    private int greet(HttpClient client, String forwardedFor) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/public/greetings"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\",\"times\":1}")).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An HTTP client whose connections come from another loopback address (all of 127/8 is local on Linux). */
    private HttpClient clientBoundTo(String localAddress) throws IOException {
        InetAddress address = InetAddress.getByName(localAddress);
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            Assumptions.abort("cannot bind " + localAddress + " on this machine: " + e.getMessage());
        }
        return HttpClient.newBuilder().localAddress(address).build();
    }

    private static String randomClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
