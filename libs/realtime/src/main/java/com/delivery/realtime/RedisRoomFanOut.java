package com.delivery.realtime;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out through Redis pub/sub on one channel per service. Pub/sub is fire-and-forget: a message published while
 * an instance is disconnected from Redis is not replayed to it, which is acceptable for live status pushes (a
 * client that reconnects reads the current state over HTTP).
 */
public final class RedisRoomFanOut implements RoomFanOut {

    private static final Logger log = LoggerFactory.getLogger(RedisRoomFanOut.class);

    private final StringRedisTemplate redis;
    private final RedisConnectionFactory connections;
    private final String channel;
    private final JsonMapper json;
    private RedisMessageListenerContainer container;

    public RedisRoomFanOut(RedisConnectionFactory connections, String channel, JsonMapper json) {
        this.connections = connections;
        this.redis = new StringRedisTemplate(connections);
        this.channel = channel;
        this.json = json;
    }

    @Override
    public void publish(RoomMessage message) {
        try {
            redis.convertAndSend(channel, json.writeValueAsString(message));
        } catch (RuntimeException e) {
            // the local clients have their message; the other instances miss this one
            log.warn("Socket fan-out to other instances failed channel={} room={} event={}: {}", channel,
                    message.room(), message.event(), e.toString());
        }
    }

    @Override
    public synchronized void start(Consumer<RoomMessage> receiver) {
        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> {
            try {
                receiver.accept(json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), RoomMessage.class));
            } catch (RuntimeException e) {
                log.warn("Dropping unreadable fan-out message on {}: {}", channel, e.toString());
            }
        }, new ChannelTopic(channel));
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            try {
                container.destroy();
            } catch (Exception e) {
                log.debug("Closing the fan-out listener failed: {}", e.toString());
            }
            container = null;
        }
    }
}
