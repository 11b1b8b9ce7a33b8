package com.delivery.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import com.delivery.testsupport.TestSocket;
import com.delivery.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

@RequiresInfrastructure(Infra.REDIS)
class SocketGatewayIT {

    private static final UUID ALICE = UUID.randomUUID();
    private static final String ALICES_ROOM = "thing:" + ALICE;

    static LettuceConnectionFactory redis;
    static SocketGateway first;
    static SocketGateway second;
    static RoomFanOut secondsFanOut;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration(Infra.REDIS.host(), Infra.REDIS.port()));
        redis.afterPropertiesSet();
        redis.start();
        String channel = "realtime-test:" + UUID.randomUUID();
        first = gateway(new RedisRoomFanOut(redis, channel, JsonMapper.builder().build()));
        secondsFanOut = new RedisRoomFanOut(redis, channel, JsonMapper.builder().build());
        second = gateway(secondsFanOut);
        first.start();
        second.start();
        // subscribing happens in the background (it must not hold up a start while Redis is away)
        await().atMost(Duration.ofSeconds(10)).until(secondsFanOut::listening);
    }

    @AfterAll
    static void stop() {
        first.stop();
        second.stop();
        redis.destroy();
    }

    private static SocketGateway gateway(RoomFanOut fanOut) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        SocketAuthenticator tokens = new JwtSocketAuthenticator(NimbusJwtDecoder.withJwkSetUri(TestTokens.install()).build());
        // a user may join their own room; admins any room
        RoomAuthorizer rooms = (principal, room) -> principal.isAdmin() || room.equals("thing:" + principal.userId());
        return new SocketGateway(new GatewaySettings("test", "127.0.0.1", freePort(), 1), tokens, rooms,
                fanOut, json);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aClientWithATokenJoinsItsRoomAndHearsBroadcasts() throws Exception {
        try (TestSocket alice = TestSocket.withAuth(first.port(), TestTokens.token(ALICE, "CUSTOMER"))) {
            assertThat(alice.awaitConnected()).isTrue();
            assertThat(alice.join(ALICES_ROOM).path("ok").asBoolean()).isTrue();

            first.broadcast(ALICES_ROOM, "thing:changed", Map.of("id", "1", "state", "NEW"));

            await().atMost(Duration.ofSeconds(10)).until(() -> !alice.heard("thing:changed").isEmpty());
            assertThat(alice.heard("thing:changed").getFirst().path("state").asString()).isEqualTo("NEW");
        }
    }

    @Test
    void aBroadcastOnOneInstanceReachesClientsOfAnother() throws Exception {
        try (TestSocket alice = TestSocket.withAuth(second.port(), TestTokens.token(ALICE, "CUSTOMER"))) {
            assertThat(alice.awaitConnected()).isTrue();
            assertThat(alice.join(ALICES_ROOM).path("ok").asBoolean()).isTrue();

            first.broadcast(ALICES_ROOM, "thing:changed", Map.of("id", "2", "state", "DONE"));

            await().atMost(Duration.ofSeconds(10)).until(() -> !alice.heard("thing:changed").isEmpty());
            assertThat(alice.heard("thing:changed")).hasSize(1);
            assertThat(alice.heard("thing:changed").getFirst().path("state").asString()).isEqualTo("DONE");
        }
    }

    @Test
    void joiningSomeoneElsesRoomIsRefusedAndHearsNothing() throws Exception {
        UUID mallory = UUID.randomUUID();
        try (TestSocket intruder = TestSocket.withAuth(first.port(), TestTokens.token(mallory, "CUSTOMER"))) {
            assertThat(intruder.awaitConnected()).isTrue();

            var answer = intruder.join(ALICES_ROOM);

            assertThat(answer.path("ok").asBoolean()).isFalse();
            assertThat(answer.path("error").asString()).isNotBlank();
            assertThat(first.localRoomSize(ALICES_ROOM)).isZero();
        }
    }

    @Test
    void tokensAreAlsoAcceptedFromTheQueryAndTheAuthorizationHeader() throws Exception {
        try (TestSocket query = TestSocket.withQueryToken(first.port(), TestTokens.token(ALICE, "CUSTOMER"));
                TestSocket header = TestSocket.withHeaderToken(first.port(), TestTokens.token(ALICE, "CUSTOMER"))) {
            assertThat(query.awaitConnected()).isTrue();
            assertThat(header.awaitConnected()).isTrue();
            assertThat(query.join(ALICES_ROOM).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aForgedOrExpiredTokenIsRefusedAtTheHandshake() throws Exception {
        try (TestSocket forged = TestSocket.withAuth(first.port(), TestTokens.forgedToken(ALICE, "CUSTOMER"));
                TestSocket expired = TestSocket.withQueryToken(first.port(), TestTokens.expiredToken(ALICE, "CUSTOMER"))) {
            assertThat(forged.awaitConnected()).isFalse();
            assertThat(expired.awaitConnected()).isFalse();
        }
    }

    @Test
    void aClientWithoutAnyTokenIsDisconnected() throws Exception {
        try (TestSocket anonymous = TestSocket.anonymous(first.port())) {
            anonymous.connected.handle((ok, e) -> ok);
            await().atMost(Duration.ofSeconds(10)).until(() -> anonymous.disconnected || !anonymous.errors.isEmpty());
        }
    }
}
