package com.delivery.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.testsupport.JsSocketClient;
import com.delivery.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official socket.io JS client (npm {@code socket.io-client} 4.x, pinned in {@code src/test/js/package-lock.json})
 * with its default options - HTTP long-polling first, then the upgrade to WebSocket - against a gateway with the
 * production threading (Netty's default worker count). Every connection must connect, have a {@code join} and an
 * {@code echo} acknowledged and hear the {@code echo}'s broadcast to its room, once right after connecting (while
 * the upgrade is usually under way) and once after the upgrade. Issue 14: connections used to get stuck (every ack
 * and broadcast lost until the ping timeout) - one in six to twelve from outside, 8 of these 240 before the fix.
 *
 * <p>The clients reach the gateway through a local proxy that gives each connection its own latency (0-30 ms), as
 * different network paths do: without it the race hardly shows on loopback. Needs Node.js 18+ ({@link JsSocketClient}).
 * {@code -Drealtime.jsClient.connections=N}, {@code .concurrency}, {@code .latencyMs}, {@code .stepTimeoutMs} change
 * the run.
 */
class DefaultJsClientIT {

    private static final int CONNECTIONS = Integer.getInteger("realtime.jsClient.connections", 240);
    private static final int CONCURRENCY = Integer.getInteger("realtime.jsClient.concurrency", 8);
    private static final int LATENCY_MS = Integer.getInteger("realtime.jsClient.latencyMs", 30);
    private static final int STEP_TIMEOUT_MS = Integer.getInteger("realtime.jsClient.stepTimeoutMs", 5000);
    private static final Duration NODE_LIMIT = Duration.ofSeconds(Math.max(90, STEP_TIMEOUT_MS * 4L / 1000));

    static SocketGateway gateway;
    static ExecutorService services;

    @BeforeAll
    static void start() throws IOException {
        JsSocketClient.install();
        JsonMapper json = JsonMapper.builder().build();
        SocketAuthenticator tokens = new JwtSocketAuthenticator(NimbusJwtDecoder.withJwkSetUri(TestTokens.install()).build());
        RoomAuthorizer rooms = (principal, room) -> room.equals("thing:" + principal.userId());
        // 0 worker threads = Netty's default, as the order and tracking services run it
        gateway = new SocketGateway(new GatewaySettings("js-client", "127.0.0.1", freePort(), 0), tokens, rooms,
                RoomFanOut.none(), json);
        // broadcasts come from service threads (transaction listeners, the Redis fan-out), not from the socket's own
        services = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("service-", 0).factory());
        gateway.on("echo", Object.class, (principal, data, reply) -> {
            if (!(data instanceof Map<?, ?> map) || !(map.get("room") instanceof String room)
                    || !room.equals("thing:" + principal.userId())) {
                reply.send(Map.of("ok", false));
                return;
            }
            Object nonce = map.get("nonce");
            reply.send(Map.of("ok", true));
            services.execute(() -> gateway.broadcast(room, "echoed", Map.of("nonce", String.valueOf(nonce))));
        });
        gateway.start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (services != null) {
            services.shutdownNow();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theOfficialClientWithDefaultOptionsNeverGetsStuck() throws Exception {
        List<Map<String, String>> connections = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            UUID user = UUID.randomUUID();
            connections.add(Map.of("token", TestTokens.token(user, "CUSTOMER"), "room", "thing:" + user));
        }
        JsSocketClient.Result result = JsSocketClient.run(Map.of(
                "url", "http://127.0.0.1:" + gateway.port(),
                "concurrency", CONCURRENCY,
                "stepTimeoutMs", STEP_TIMEOUT_MS,
                "latencyMs", LATENCY_MS,
                "connections", connections), NODE_LIMIT);

        JsonNode summary = result.summary();
        System.out.println("socket.io JS client, default options: " + summary);
        assertThat(summary.path("total").asInt()).as(result.describe()).isEqualTo(CONNECTIONS);
        assertThat(summary.path("stuck").asInt()).as(result.describe()).isZero();
        assertThat(summary.path("ok").asInt()).as(result.describe()).isEqualTo(CONNECTIONS);
        assertThat(summary.path("upgraded").asInt()).as("connections that upgraded to WebSocket; " + result.describe())
                .isEqualTo(CONNECTIONS);
        assertThat(result.exitCode()).as(result.describe()).isZero();
    }
}
