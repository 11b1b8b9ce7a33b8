package com.delivery.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.events.DriverAssigned;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.realtime.GatewaySettings;
import com.delivery.realtime.JwtSocketAuthenticator;
import com.delivery.realtime.RedisRoomFanOut;
import com.delivery.realtime.RoomAuthorizer;
import com.delivery.realtime.SocketGateway;
import com.delivery.testsupport.TestSocket;
import com.delivery.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

class OrderSocketIT extends OrderServiceTestBase {

    private static final String STATUS = "order:status";

    @Autowired
    RedisConnectionFactory redis;

    @Autowired
    JwtDecoder jwtDecoder;

    @Autowired
    RoomAuthorizer orderRooms;

    @Autowired
    JsonMapper json;

    @Test
    void theCustomerHearsEveryStatusOfTheirOrder() throws Exception {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        UUID tom = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");
        try (TestSocket socket = TestSocket.withAuth(SOCKET_PORT, customerToken(ada))) {
            assertThat(socket.awaitConnected()).isTrue();
            JsonNode joined = socket.join("order:" + orderId);
            assertThat(joined.path("ok").asBoolean()).isTrue();

            holdStock(orderId, ada);
            publish(Topics.PAYMENT_COMPLETED, paymentCompleted(orderId, ada, 2949));
            awaitStatus(orderId, ada, "PLACED");
            move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));
            publish(Topics.DRIVER_ASSIGNED, EventEnvelope.of(new DriverAssigned(UUID.fromString(orderId), tom,
                    "Tom Becker", "BICYCLE", ada, luigi.vendorId), "driver", null));
            await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("/api/v1/orders/" + orderId,
                    customerToken(ada)).json().path("driver").isNull());
            move(orderId, "PREPARING", vendorToken(luigi.ownerId));
            move(orderId, "READY_FOR_PICKUP", vendorToken(luigi.ownerId));
            move(orderId, "PICKED_UP", driverToken(tom));
            move(orderId, "DELIVERED", driverToken(tom));

            await().atMost(Duration.ofSeconds(20)).until(() -> socket.heard(STATUS).size() >= 6);
            assertThat(socket.heard(STATUS).stream().map(e -> e.path("status").asString()).toList()).containsExactly("PLACED",
                    "CONFIRMED", "PREPARING", "READY_FOR_PICKUP", "PICKED_UP", "DELIVERED");
            JsonNode first = socket.heard(STATUS).getFirst();
            assertThat(first.path("orderId").asString()).isEqualTo(orderId);
            assertThat(first.path("previousStatus").asString()).isEqualTo("PENDING_PAYMENT");
            assertThat(first.path("at").asString()).isNotBlank();
        }
    }

    @Test
    void theVendorOwnerMayJoinAStrangerMayNotAndHearsNothing() throws Exception {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = placedOrder(luigi, ada);
        try (TestSocket vendor = TestSocket.withAuth(SOCKET_PORT, vendorToken(luigi.ownerId));
                TestSocket stranger = TestSocket.withAuth(SOCKET_PORT, customerToken(UUID.randomUUID()))) {
            assertThat(vendor.awaitConnected()).isTrue();
            assertThat(stranger.awaitConnected()).isTrue();
            assertThat(vendor.join("order:" + orderId).path("ok").asBoolean()).isTrue();
            JsonNode refused = stranger.join("order:" + orderId);
            assertThat(refused.path("ok").asBoolean()).isFalse();
            assertThat(refused.path("error").asString()).isNotBlank();
            assertThat(stranger.join("admin").path("ok").asBoolean()).as("nor the admin feed").isFalse();
            assertThat(stranger.join("order:not-a-uuid").path("ok").asBoolean()).isFalse();

            move(orderId, "CONFIRMED", vendorToken(luigi.ownerId));

            await().atMost(Duration.ofSeconds(20)).until(() -> !vendor.heard(STATUS).isEmpty());
            assertThat(stranger.heard(STATUS)).isEmpty();
        }
    }

    @Test
    void badTokensAreRefusedAtTheHandshake() throws Exception {
        UUID ada = UUID.randomUUID();
        try (TestSocket forged = TestSocket.withAuth(SOCKET_PORT, TestTokens.forgedToken(ada, "CUSTOMER"));
                TestSocket expired = TestSocket.withQueryToken(SOCKET_PORT, TestTokens.expiredToken(ada, "CUSTOMER"));
                TestSocket garbage = TestSocket.withHeaderToken(SOCKET_PORT, "not-a-jwt")) {
            assertThat(forged.awaitConnected()).isFalse();
            assertThat(expired.awaitConnected()).isFalse();
            assertThat(garbage.awaitConnected()).isFalse();
        }
    }

    @Test
    void adminsInTheAdminRoomHearEveryChange() throws Exception {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        try (TestSocket admin = TestSocket.withAuth(SOCKET_PORT, adminToken())) {
            assertThat(admin.awaitConnected()).isTrue();
            assertThat(admin.join("admin").path("ok").asBoolean()).isTrue();

            String first = place(luigi, UUID.randomUUID()).text("id");
            String second = placedOrder(luigi, UUID.randomUUID());

            await().atMost(Duration.ofSeconds(20)).until(() -> admin.heard(STATUS).stream()
                    .anyMatch(e -> e.path("orderId").asString().equals(second) && e.path("status").asString().equals("PLACED")));
            assertThat(admin.heard(STATUS).stream().filter(e -> e.path("orderId").asString().equals(first)))
                    .anyMatch(e -> e.path("status").asString().equals("PENDING_PAYMENT")
                            && e.path("vendorId").asString().equals(luigi.vendorId.toString()));
        }
    }

    @Test
    void aChangeOnOneInstanceReachesClientsOfAnother() throws Exception {
        // a second gateway instance, as a second replica of the service would run it: same rooms, same Redis
        SocketGateway otherInstance = new SocketGateway(new GatewaySettings("order-replica", "127.0.0.1", freePort(), 1),
                new JwtSocketAuthenticator(jwtDecoder), orderRooms, new RedisRoomFanOut(redis, "realtime:order-service",
                json), json);
        otherInstance.start();
        try {
            VendorStub luigi = VendorStub.pizzeria().quotes();
            UUID ada = UUID.randomUUID();
            String orderId = placedOrder(luigi, ada);
            try (TestSocket onReplica = TestSocket.withAuth(otherInstance.port(), customerToken(ada))) {
                assertThat(onReplica.awaitConnected()).isTrue();
                assertThat(onReplica.join("order:" + orderId).path("ok").asBoolean()).isTrue();

                // the change is made through this instance's HTTP API
                assertThat(move(orderId, "CONFIRMED", vendorToken(luigi.ownerId)).status()).isEqualTo(200);

                await().atMost(Duration.ofSeconds(20)).until(() -> !onReplica.heard(STATUS).isEmpty());
                assertThat(onReplica.heard(STATUS)).hasSize(1);
                assertThat(onReplica.heard(STATUS).getFirst().path("status").asString()).isEqualTo("CONFIRMED");
                assertThat(onReplica.heard(STATUS).getFirst().path("previousStatus").asString()).isEqualTo("PLACED");
            }
        } finally {
            otherInstance.stop();
        }
    }

    @Test
    void cancellingIsPushedToo() throws Exception {
        VendorStub luigi = VendorStub.pizzeria().quotes();
        UUID ada = UUID.randomUUID();
        String orderId = place(luigi, ada).text("id");
        try (TestSocket socket = TestSocket.withQueryToken(SOCKET_PORT, customerToken(ada))) {
            assertThat(socket.awaitConnected()).isTrue();
            assertThat(socket.join("order:" + orderId).path("ok").asBoolean()).isTrue();

            api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "oops"), customerToken(ada));

            await().atMost(Duration.ofSeconds(20)).until(() -> !socket.heard(STATUS).isEmpty());
            assertThat(socket.heard(STATUS).stream().map(e -> e.path("status").asString()).toList()).isEqualTo(List.of("CANCELLED"));
        }
    }
}
