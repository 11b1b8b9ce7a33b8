package com.delivery.realtime;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.io server (netty-socketio, on its own port) with what every gateway of the platform needs:
 * <ul>
 *   <li>the access token is checked when the client connects: from the Socket.io {@code auth} payload
 *       ({@code {token}}), the {@code token} query parameter or the {@code Authorization: Bearer} header; a bad
 *       token is refused at the handshake, a client with no token at all is disconnected after a short grace
 *       period (and may join nothing before);</li>
 *   <li>{@code join} / {@code leave} events for rooms, each join asked of the service's {@link RoomAuthorizer},
 *       answered through the client's acknowledgement callback with {@code {ok, room}} or {@code {ok:false, room,
 *       error}};</li>
 *   <li>{@link #broadcast} to a room on this instance and, through the {@link RoomFanOut}, on every other
 *       instance of the service;</li>
 *   <li>browser origins from {@link GatewaySettings#allowedOrigins()} (others refused with 403), no version
 *       banner, client messages up to {@link GatewaySettings#maxPayloadBytes()};</li>
 *   <li>the polling → WebSocket upgrade of the official JS client completed every time ({@link UpgradeGuard}:
 *       netty-socketio 2.0.14 leaves about one in thirty such clients stuck until their ping timeout).</li>
 * </ul>
 * Started and stopped with the application context as a {@link SmartLifecycle}.
 */
public class SocketGateway implements SmartLifecycle, MeterBinder {

    public static final String JOIN = "join";
    public static final String LEAVE = "leave";

    private static final Logger log = LoggerFactory.getLogger(SocketGateway.class);
    private static final String PRINCIPAL = "principal";
    private static final Duration AUTH_GRACE = Duration.ofSeconds(3);
    /** netty-socketio's default; {@link UpgradeGuard} closes a session whose upgrade takes longer */
    private static final Duration UPGRADE_TIMEOUT = Duration.ofSeconds(10);

    private final GatewaySettings settings;
    private final SocketAuthenticator authenticator;
    private final RoomAuthorizer rooms;
    private final RoomFanOut fanOut;
    private final JsonMapper json;
    private final String instanceId = UUID.randomUUID().toString();
    private final SocketIOServer server;
    private volatile boolean running;
    private volatile ScheduledExecutorService timer;

    public SocketGateway(GatewaySettings settings, SocketAuthenticator authenticator, RoomAuthorizer rooms,
            RoomFanOut fanOut, JsonMapper json) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.rooms = rooms;
        this.fanOut = fanOut;
        this.json = json;
        this.server = new SocketIOServer(configuration());
        server.setPipelineFactory(new GatewayChannelInitializer(settings, UPGRADE_TIMEOUT));
        server.getNamespace("").addAuthTokenListener(this::authenticateConnect);
        server.addConnectListener(this::requirePrincipal);
        server.addEventListener(JOIN, Object.class, (client, data, ack) -> {
            String room = roomName(data);
            Map<String, Object> answer = join(client, room);
            if (ack.isAckRequested()) {
                ack.sendAckData(answer);
            }
        });
        server.addEventListener(LEAVE, Object.class, (client, data, ack) -> {
            String room = roomName(data);
            if (room != null) {
                client.leaveRoom(room);
            }
            if (ack.isAckRequested()) {
                ack.sendAckData(Map.of("ok", true, "room", room == null ? "" : room));
            }
        });
    }

    private Configuration configuration() {
        Configuration config = new Configuration();
        config.setHostname(settings.host());
        config.setPort(settings.port());
        if (settings.workerThreads() > 0) {
            config.setWorkerThreads(settings.workerThreads());
        }
        config.setBossThreads(1);
        // a session id is never taken from the client (no session fixation through the "io" cookie)
        config.setRandomSession(true);
        config.getSocketConfig().setReuseAddress(true);
        config.setAuthorizationListener(this::authenticateHandshake);
        config.setUpgradeTimeout((int) UPGRADE_TIMEOUT.toMillis());
        // CORS, the origin check and the banner are the OriginGuard's: netty-socketio's CORS reflects any Origin
        // with credentials, and its Server header names the library and its version
        config.setEnableCors(false);
        config.setAddVersionHeader(false);
        // one limit for a WebSocket message (frames and their continuations) and a long-polling body; without
        // permessage-deflate, since Netty checks a compressed frame's size before inflating it (a 2 MB message of
        // repetitive JSON arrives as a few KB)
        config.setMaxFramePayloadLength(settings.maxPayloadBytes());
        config.setMaxHttpContentLength(settings.maxPayloadBytes());
        config.setWebsocketCompression(false);
        return config;
    }

    /**
     * Registers a handler for a client event (beyond join/leave), e.g. the tracking gateway's
     * {@code location:update}. Data is decoded into {@code type} by netty-socketio's JSON support.
     */
    public <T> void on(String event, Class<T> type, SocketEventHandler<T> handler) {
        server.addEventListener(event, type, (client, data, ack) -> {
            SocketPrincipal principal = principalOf(client).orElse(null);
            if (principal == null) {
                client.disconnect();
                return;
            }
            handler.handle(principal, data, reply -> {
                if (ack.isAckRequested()) {
                    ack.sendAckData(reply);
                }
            });
        });
    }

    /** Emits {@code event} with {@code payload} to everyone in {@code room}, on this instance and all others. */
    public void broadcast(String room, String event, Object payload) {
        String body = json.writeValueAsString(payload);
        deliver(room, event, body);
        fanOut.publish(new RoomMessage(instanceId, room, event, body));
    }

    /** Number of clients in a room on this instance (for health and tests). */
    public int localRoomSize(String room) {
        return server.getRoomOperations(room).getClients().size();
    }

    public int port() {
        return settings.port();
    }

    // ---- handshake -----------------------------------------------------------------------------------------

    /** Engine.IO handshake (HTTP): a token in the query or header must be valid; none at all is decided later. */
    private AuthorizationResult authenticateHandshake(HandshakeData handshake) {
        String token = tokenFrom(handshake);
        if (token == null) {
            return AuthorizationResult.SUCCESSFUL_AUTHORIZATION;
        }
        try {
            return new AuthorizationResult(true, Map.of(PRINCIPAL, authenticator.authenticate(token)));
        } catch (SocketAuthenticationException e) {
            log.info("Socket handshake refused gateway={} from={}: {}", settings.name(), handshake.getAddress(),
                    e.getMessage());
            return AuthorizationResult.FAILED_AUTHORIZATION;
        }
    }

    /** Socket.IO v4 namespace connect with an {@code auth} payload: {@code {token: "..."}}. */
    private AuthTokenResult authenticateConnect(Object authData, SocketIOClient client) {
        String token = authData instanceof Map<?, ?> map && map.get("token") instanceof String s ? bearer(s) : null;
        if (token == null) {
            return principalOf(client).isPresent() ? AuthTokenResult.AuthTokenResultSuccess
                    : new AuthTokenResult(false, Map.of("message", "An access token is required"));
        }
        try {
            client.set(PRINCIPAL, authenticator.authenticate(token));
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (SocketAuthenticationException e) {
            log.info("Socket connect refused gateway={} from={}: {}", settings.name(), client.getRemoteAddress(),
                    e.getMessage());
            return new AuthTokenResult(false, Map.of("message", "Invalid access token"));
        }
    }

    /**
     * netty-socketio connects the default namespace when the transport opens, before the client's Socket.io
     * {@code CONNECT} packet (which carries the {@code auth} payload) has arrived. A client without a principal by
     * then gets a short grace period to present its token, and is disconnected if it does not. Until it has one,
     * every join is refused.
     */
    private void requirePrincipal(SocketIOClient client) {
        if (principalOf(client).isPresent()) {
            return;
        }
        ScheduledExecutorService timer = this.timer;
        if (timer == null) {
            client.disconnect();
            return;
        }
        timer.schedule(() -> {
            if (principalOf(client).isEmpty() && client.isChannelOpen()) {
                log.info("Socket without a token disconnected gateway={} from={}", settings.name(),
                        client.getRemoteAddress());
                client.disconnect();
            }
        }, AUTH_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String tokenFrom(HandshakeData handshake) {
        String query = handshake.getSingleUrlParam("token");
        if (query != null && !query.isBlank()) {
            return bearer(query);
        }
        String header = handshake.getHttpHeaders().get("Authorization");
        return header == null || header.isBlank() ? null : bearer(header);
    }

    private static String bearer(String value) {
        String token = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7) : value;
        return token.isBlank() ? null : token.trim();
    }

    public static Optional<SocketPrincipal> principalOf(SocketIOClient client) {
        Object principal = client.get(PRINCIPAL);
        return principal instanceof SocketPrincipal p ? Optional.of(p) : Optional.empty();
    }

    // ---- rooms ---------------------------------------------------------------------------------------------

    private Map<String, Object> join(SocketIOClient client, String room) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("room", room == null ? "" : room);
        SocketPrincipal principal = principalOf(client).orElse(null);
        boolean allowed = false;
        if (principal != null && room != null) {
            try {
                allowed = rooms.mayJoin(principal, room);
            } catch (RuntimeException e) {
                log.warn("Room check failed gateway={} room={} userId={}: {}", settings.name(), room,
                        principal.userId(), e.toString());
            }
        }
        if (allowed) {
            client.joinRoom(room);
            answer.put("ok", true);
        } else {
            answer.put("ok", false);
            answer.put("error", room == null ? "A room name is required" : "You may not join this room");
            log.info("Room join refused gateway={} room={} userId={}", settings.name(), room,
                    principal == null ? null : principal.userId());
        }
        return answer;
    }

    private static String roomName(Object data) {
        if (data instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        if (data instanceof Map<?, ?> map && map.get("room") instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        return null;
    }

    // ---- delivery ------------------------------------------------------------------------------------------

    private void onFannedOut(RoomMessage message) {
        if (!instanceId.equals(message.origin())) {
            deliver(message.room(), message.event(), message.json());
        }
    }

    private void deliver(String room, String event, String body) {
        // plain maps and lists, so netty-socketio's own JSON support writes exactly what our mapper wrote
        Object data = json.readValue(body, Object.class);
        server.getRoomOperations(room).sendEvent(event, data);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("socket-" + settings.name() + "-auth").factory());
        server.start();
        fanOut.start(this::onFannedOut);
        running = true;
        log.info("Socket.io gateway {} listening on {}:{}", settings.name(), settings.host(), settings.port());
    }

    @Override
    public void stop() {
        running = false;
        fanOut.stop();
        server.stop();
        timer.shutdownNow();
        timer = null;
        log.info("Socket.io gateway {} stopped", settings.name());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // up after the stores it reads, down before them
        return Integer.MAX_VALUE - 2000;
    }

    /** {@code socketio_connections{gateway}}: clients connected to this instance right now. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("socketio.connections", server, s -> s.getAllClients().size())
                .description("Socket.io clients connected to this instance").tag("gateway", settings.name())
                .register(registry);
    }
}
