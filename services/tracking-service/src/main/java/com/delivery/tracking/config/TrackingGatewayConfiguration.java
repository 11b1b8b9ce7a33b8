package com.delivery.tracking.config;

import com.delivery.kit.config.PlatformProperties;
import com.delivery.realtime.GatewaySettings;
import com.delivery.realtime.JwtSocketAuthenticator;
import com.delivery.realtime.RedisRoomFanOut;
import com.delivery.realtime.SocketGateway;
import com.delivery.tracking.app.TrackingProperties;
import com.delivery.tracking.infra.LocationSocketHandler;
import com.delivery.tracking.infra.TrackingRooms;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracking Socket.io gateway ({@code TRACKING_SOCKET_PORT}, default 3106): JWT at the handshake, rooms
 * {@code order:<id>} / {@code driver:<id>}, the {@code location:update} event, fan-out through Redis; browser origins
 * as for the REST API ({@code CORS_ALLOWED_ORIGINS}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracking.socket.enabled", matchIfMissing = true)
class TrackingGatewayConfiguration {

    static final String FAN_OUT_CHANNEL = "realtime:tracking-service";

    @Bean
    SocketGateway trackingSocketGateway(TrackingProperties properties, PlatformProperties platform,
            JwtDecoder jwtDecoder, TrackingRooms rooms, RedisConnectionFactory redis, JsonMapper json,
            LocationSocketHandler locations) {
        TrackingProperties.Socket socket = properties.socket();
        SocketGateway gateway = new SocketGateway(new GatewaySettings("tracking", socket.host(), socket.port(),
                socket.workerThreads(), platform.security().corsAllowedOrigins()), new JwtSocketAuthenticator(jwtDecoder),
                rooms, new RedisRoomFanOut(redis, FAN_OUT_CHANNEL, json), json);
        gateway.on(LocationSocketHandler.EVENT, Object.class, locations);
        return gateway;
    }
}
