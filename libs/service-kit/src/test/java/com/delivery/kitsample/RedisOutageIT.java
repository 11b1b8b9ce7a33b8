package com.delivery.kitsample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.FaultyTcpProxy;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis unreachable, the ways it happens: a blackhole from the start (connections accepted, never answered, so
 * the service never got to connect), refusing connections, killed while connected, a blackhole while connected.
 * Each time every endpoint still answers well within a client's patience: rate-limited requests pass (and count as
 * such), a cached read comes from the database, what only Redis knows is a 503 problem with Retry-After. And when
 * Redis is back, everything uses it again by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.rate-limit.anonymous-per-ip=100000", "platform.rate-limit.window=1h",
        "platform.redis.cool-down=1s"})
@RequiresInfrastructure({Infra.POSTGRES, Infra.REDIS, Infra.KAFKA})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageIT {

    /** What the client waits for an answer at most: an answer later than this is no answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The application's only way to Redis; a blackhole until the first test lets it through. */
    private static final FaultyTcpProxy REDIS = FaultyTcpProxy.blackholeTo(Infra.REDIS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @DynamicPropertySource
    static void redisThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void closeProxy() {
        REDIS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LettuceConnectionFactory redisConnections;

    @Autowired
    DataSource dataSource;

    /** The kit's defaults reach the clients (a misspelt property would silently leave the clients' own). */
    @Test
    @Order(0)
    void everyClientGivesUpInTime() {
        LettuceClientConfiguration redis = redisConnections.getClientConfiguration();
        assertThat(redis.getCommandTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(redis.getClientOptions()).hasValueSatisfying(options -> {
            assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
            assertThat(options.isAutoReconnect()).isTrue();
            assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
        });

        HikariDataSource pool = (HikariDataSource) dataSource;
        assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
        assertThat(pool.getValidationTimeout()).isEqualTo(500);
        assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "1")
                .containsEntry("loginTimeout", "2").containsEntry("socketTimeout", "120");
    }

    @Test
    @Order(1)
    void redisUnreachableFromTheStartThenRefusingThenBack() {
        everyEndpointAnswersWithoutRedis("a blackhole since start-up");

        REDIS.refuse();
        everyEndpointAnswersWithoutRedis("refusing connections");

        REDIS.forward();
        awaitRedisUsedAgain();
    }

    @Test
    @Order(2)
    void redisKilledWhileConnectedThenRestarted() {
        awaitRedisUsedAgain();

        REDIS.refuse();
        everyEndpointAnswersWithoutRedis("killed while connected");

        REDIS.forward();
        awaitRedisUsedAgain();
    }

    @Test
    @Order(3)
    void redisABlackholeWhileConnectedThenBack() {
        awaitRedisUsedAgain();

        REDIS.blackhole();
        everyEndpointAnswersWithoutRedis("a blackhole while connected");

        REDIS.forward();
        awaitRedisUsedAgain();
    }

    private void everyEndpointAnswersWithoutRedis(String how) {
        double failedOpenBefore = failedOpen();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/public/ping").statusCode()).as("rate-limited endpoint, Redis %s, call %d", how, i)
                    .isEqualTo(200);
        }
        List<CompletableFuture<HttpResponse<String>>> burst = IntStream.range(0, 16)
                .mapToObj(i -> http.sendAsync(request("/public/ping"), HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(burst).as("16 at once, Redis %s", how)
                .allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(failedOpen()).as("requests let through unchecked").isGreaterThanOrEqualTo(failedOpenBefore + 21);

        HttpResponse<String> cached = get("/public/notes/count");
        assertThat(cached.statusCode()).as(cached.body()).isEqualTo(200);
        assertThat(json(cached).path("source").asString()).as("a cached read, Redis %s", how).isEqualTo("database");

        assertUnavailable(get("/public/presence"), "what only Redis knows, Redis " + how);
        assertUnavailable(get("/public/unguarded"), "a Redis call without the guard, Redis " + how);
    }

    private void awaitRedisUsedAgain() {
        await("Redis used again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> ping = get("/public/ping");
                    return ping.headers().firstValue("X-RateLimit-Remaining").isPresent()
                            && get("/public/presence").statusCode() == 200;
                });
        get("/public/notes/count");
        assertThat(json(get("/public/notes/count")).path("source").asString()).isEqualTo("cache");
    }

    private static void assertUnavailable(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).as(what)
                .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(json(response).path("type").asString()).isEqualTo("/problems/dependency-unavailable");
    }

    private double failedOpen() {
        Counter counter = meters.find("rate_limiter.fail_open").counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " gave no answer within " + PATIENCE.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(PATIENCE).GET().build();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
