package com.delivery.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.FaultyTcpProxy;
import com.delivery.testsupport.Infra;
import com.delivery.testsupport.RequiresInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cross-instance fan-out when Redis is away: a gateway starting meanwhile starts anyway (it serves its own
 * clients), and the fan-out subscribes by itself once Redis answers, also after losing an established link.
 */
@RequiresInfrastructure(Infra.REDIS)
class FanOutRedisOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFanOutStartedWhileRedisIsAwaySubscribesOnceItIsBackAndAgainAfterLosingIt() {
        String channel = "realtime-outage-test:" + UUID.randomUUID();
        List<RoomMessage> received = new CopyOnWriteArrayList<>();
        try (FaultyTcpProxy link = FaultyTcpProxy.blackholeTo(Infra.REDIS)) {
            LettuceConnectionFactory throughLink = connections(link.port());
            LettuceConnectionFactory direct = connections(Infra.REDIS.port());
            RedisRoomFanOut fanOut = new RedisRoomFanOut(throughLink, channel, JSON);
            RedisRoomFanOut otherInstance = new RedisRoomFanOut(direct, channel, JSON);
            try {
                // Redis does not answer: starting must not wait for it
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> fanOut.start(received::add));
                assertThat(fanOut.listening()).isFalse();

                link.forward();
                await("subscribed once Redis answers").atMost(Duration.ofSeconds(15)).until(fanOut::listening);
                otherInstance.publish(message("first"));
                await().atMost(Duration.ofSeconds(10)).until(() -> events(received).contains("first"));

                // the established link breaks (Redis restarted, say) and comes back: the subscription is renewed
                link.refuse();
                link.forward();
                await("messages arrive again").atMost(Duration.ofSeconds(15)).until(() -> {
                    otherInstance.publish(message("second"));
                    return events(received).contains("second");
                });
            } finally {
                fanOut.stop();
                throughLink.destroy();
                direct.destroy();
            }
        }
    }

    private static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(Infra.REDIS.host(), port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static RoomMessage message(String event) {
        return new RoomMessage("another-instance", "room:1", event, "{\"n\":1}");
    }

    private static List<String> events(List<RoomMessage> received) {
        return received.stream().map(RoomMessage::event).toList();
    }
}
