package com.delivery.order.config;

import com.delivery.kit.config.PlatformProperties;
import com.delivery.order.app.OrderProperties;
import com.delivery.order.infra.OrderRooms;
import com.delivery.realtime.GatewaySettings;
import com.delivery.realtime.JwtSocketAuthenticator;
import com.delivery.realtime.RedisRoomFanOut;
import com.delivery.realtime.SocketGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order Socket.io gateway ({@code ORDER_SOCKET_PORT}, default 3102), fanning out through Redis; browser origins
 * as for the REST API ({@code CORS_ALLOWED_ORIGINS}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "order.socket.enabled", matchIfMissing = true)
class OrderGatewayConfiguration {

    static final String FAN_OUT_CHANNEL = "realtime:order-service";

    @Bean
    SocketGateway orderSocketGateway(OrderProperties properties, PlatformProperties platform, JwtDecoder jwtDecoder,
            OrderRooms rooms, RedisConnectionFactory redis, JsonMapper json) {
        OrderProperties.Socket socket = properties.socket();
        return new SocketGateway(new GatewaySettings("order", socket.host(), socket.port(), socket.workerThreads(),
                platform.security().corsAllowedOrigins()),
                new JwtSocketAuthenticator(jwtDecoder), rooms, new RedisRoomFanOut(redis, FAN_OUT_CHANNEL, json), json);
    }
}
