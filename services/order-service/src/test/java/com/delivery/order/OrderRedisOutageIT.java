package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.kit.resilience.RedisGuard;
import com.delivery.realtime.RedisRoomFanOut;
import com.delivery.realtime.RoomMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis away, then back. The order cache: reads come from the database at once, and a change made meanwhile is
 * never hidden behind the entry cached before it, not even after Redis is back with that entry still in it. The
 * socket fan-out between instances: it carries broadcasts again by itself once Redis is back, for a subscription
 * made before the outage and for one started during it.
 */
class OrderRedisOutageIT extends OrderServiceTestBase {

    /** A client's patience: an answer later than this is no answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RedisGuard guard;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RedisConnectionFactory connections;

    @Autowired
    JsonMapper json;

    @Test
    void readsComeFromTheDatabaseWhileRedisIsAwayAndAChangeMeanwhileIsNotHiddenOnceItIsBack() {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        String key = "order:view:" + orderId;
        assertThat(statusOf(orderId, ada)).isEqualTo("PLACED");
        assertThat(redis.opsForValue().get(key)).as("cached").contains("PLACED");

        double degradedBefore = degradedReads();
        REDIS.blackhole();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(statusOf(orderId, ada)).as("read %d with Redis a blackhole", i).isEqualTo("PLACED");
            }
        } finally {
            REDIS.forward();
        }
        assertThat(degradedReads()).as("reads that went without the cache").isGreaterThan(degradedBefore);
        awaitRedisUsedAgain(orderId, ada);

        REDIS.refuse();
        try {
            assertThat(move(orderId, "CONFIRMED", vendorToken(luigi.ownerId)).status()).isEqualTo(200);
            assertThat(statusOf(orderId, ada)).as("read with Redis refusing").isEqualTo("CONFIRMED");
        } finally {
            REDIS.forward();
        }
        // the entry cached before the change is still in Redis: it must never be served again
        // (this test's own Redis client goes through the proxy too: it may still be reconnecting)
        await("the fresh view cached").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(DataAccessException.class)
                .until(() -> {
                    assertThat(statusOf(orderId, ada)).as("read after Redis came back").isEqualTo("CONFIRMED");
                    String cached = redis.opsForValue().get(key);
                    return cached != null && cached.contains("CONFIRMED");
                });
    }

    @Test
    void theSocketFanOutCarriesBroadcastsAgainOnceRedisIsBack() {
        String channel = "order-fan-out-test:" + UUID.randomUUID();
        RedisRoomFanOut speaker = new RedisRoomFanOut(connections, channel, json);
        RedisRoomFanOut before = new RedisRoomFanOut(connections, channel, json);
        RedisRoomFanOut during = new RedisRoomFanOut(connections, channel, json);
        List<RoomMessage> heardBefore = new CopyOnWriteArrayList<>();
        List<RoomMessage> heardDuring = new CopyOnWriteArrayList<>();
        before.start(heardBefore::add);
        try {
            awaitHeard(speaker, heardBefore, "before the outage");

            REDIS.refuse();
            CompletableFuture<Void> startedDuring;
            try {
                speaker.publish(message("while Redis is away")); // lost, and no error for the caller
                // off this thread, which is to bring Redis back, in case start() ever waits for Redis again
                startedDuring = CompletableFuture.runAsync(() -> during.start(heardDuring::add));
            } finally {
                REDIS.forward();
            }

            awaitHeard(speaker, heardBefore, "after, subscribed before");
            startedDuring.join();
            awaitHeard(speaker, heardDuring, "after, subscribed during");
        } finally {
            before.stop();
            during.stop();
        }
    }

    private static void awaitHeard(RedisRoomFanOut speaker, List<RoomMessage> heard, String when) {
        RoomMessage sent = message(when);
        await("a broadcast heard " + when).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    speaker.publish(sent);
                    return heard.contains(sent);
                });
    }

    private static RoomMessage message(String text) {
        return new RoomMessage("another-instance", "order:" + UUID.randomUUID(), "order:status",
                "{\"note\":\"" + text + "\"}");
    }

    private void awaitRedisUsedAgain(String orderId, UUID customerId) {
        await("Redis used again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    statusOf(orderId, customerId);
                    return guard.isHealthy();
                });
    }

    private String statusOf(String orderId, UUID customerId) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/orders/" + orderId);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + customerToken(customerId)).timeout(PATIENCE).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("status").asString();
        } catch (IOException e) {
            throw new AssertionError("GET order gave no answer within " + PATIENCE.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double degradedReads() {
        return meters.find("redis.degraded").tag("use", "order-cache").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
