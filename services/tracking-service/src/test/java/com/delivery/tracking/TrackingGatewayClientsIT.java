package com.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.realtime.SocketGateway;
import com.delivery.testsupport.JsSocketClient;
import com.delivery.testsupport.TestTokens;
import com.delivery.tracking.infra.TrackingRooms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The tracking gateway as the apps meet it: the official socket.io JS client with its default options (polling,
 * then the upgrade to WebSocket) never gets stuck (issue 14), and browser origins are those of the REST API.
 */
class TrackingGatewayClientsIT extends TrackingServiceTestBase {

    @Autowired
    SocketGateway gateway;

    @Test
    void theOfficialJsClientWithDefaultOptionsConnectsJoinsAndHearsBroadcastsEveryTime() throws Exception {
        // test-only event: acknowledged, then broadcast to the room through the service's fan-out
        gateway.on("echo", Map.class, (principal, data, reply) -> {
            reply.send(Map.of("ok", true));
            gateway.broadcast(String.valueOf(data.get("room")), "echoed",
                    Map.of("nonce", String.valueOf(data.get("nonce"))));
        });
        int connections = 100;
        List<Map<String, String>> plan = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            // an admin may watch any driver's room: one room of its own per connection
            plan.add(Map.of("token", TestTokens.token(UUID.randomUUID(), "ADMIN"),
                    "room", TrackingRooms.driver(UUID.randomUUID())));
        }
        JsSocketClient.Result result = JsSocketClient.run(Map.of("url", "http://127.0.0.1:" + SOCKET_PORT,
                "concurrency", 8, "latencyMs", 30, "stepTimeoutMs", 5000, "connections", plan), Duration.ofSeconds(90));

        JsonNode summary = result.summary();
        System.out.println("socket.io JS client, default options: " + summary);
        assertThat(summary.path("stuck").asInt()).as(result.describe()).isZero();
        assertThat(summary.path("ok").asInt()).as(result.describe()).isEqualTo(connections);
        assertThat(summary.path("upgraded").asInt()).as(result.describe()).isEqualTo(connections);
    }

    @Test
    void onlyTheConfiguredBrowserOriginsMayOpenASocket() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String handshake = "http://127.0.0.1:" + SOCKET_PORT + "/socket.io/?EIO=4&transport=polling";
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(handshake))
                .header("Origin", "http://localhost:5173").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
        assertThat(allowed.headers().firstValue("Server")).isEmpty();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(handshake))
                .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
