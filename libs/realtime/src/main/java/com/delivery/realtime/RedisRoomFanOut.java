package com.delivery.realtime;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /** How soon a lost subscription is tried again (Spring's default is 5 s). */
    private static final long RESUBSCRIBE_MILLIS = 1_000;

    private RedisMessageListenerContainer container;
    private ScheduledExecutorService subscriptions;

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
        // Subscribing while Redis is away must neither hold up the service's start nor pile up: with a scheduled
        // executor the container schedules its retries there (with a plain one it sleeps and recurses on the
        // calling thread, forever while Redis is down), and the first attempt runs off the starting thread
        subscriptions = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("fan-out-subscribe-" + channel).factory());
        container.setSubscriptionExecutor(subscriptions);
        container.setRecoveryInterval(RESUBSCRIBE_MILLIS);
        container.addMessageListener((message, pattern) -> {
            try {
                receiver.accept(json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), RoomMessage.class));
            } catch (RuntimeException e) {
                log.warn("Dropping unreadable fan-out message on {}: {}", channel, e.toString());
            }
        }, new ChannelTopic(channel));
        container.afterPropertiesSet();
        RedisMessageListenerContainer starting = container;
        Thread.ofVirtual().name("fan-out-start-" + channel).start(() -> {
            try {
                starting.start();
            } catch (RuntimeException e) {
                // the container goes on trying on its own; until then this instance hears only its own clients
                log.warn("Socket fan-out not subscribed yet on {} (Redis unreachable?), retrying every {} ms: {}",
                        channel, RESUBSCRIBE_MILLIS, e.toString());
            }
        });
    }

    @Override
    public synchronized boolean listening() {
        return container != null && container.isListening();
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
        if (subscriptions != null) {
            subscriptions.shutdownNow();
            subscriptions = null;
        }
    }
}
