package com.delivery.testsupport;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real socket.io-client (protocol v4, websocket) as the apps use it, recording every event it hears.
 * Shared by the gateway tests (libs/realtime, order, tracking) and the end-to-end journeys.
 */
public final class TestSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ANSWER_SECONDS = 10;

    /** One event the server sent: its name and its first argument as JSON. */
    public record Heard(String event, JsonNode data) {
    }

    public final Socket socket;
    public final CompletableFuture<Boolean> connected = new CompletableFuture<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<Heard> heard = new CopyOnWriteArrayList<>();
    public volatile boolean disconnected;

    private TestSocket(String url, IO.Options options) {
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        socket = IO.socket(URI.create(url), options);
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(true));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            errors.add(args.length > 0 ? String.valueOf(args[0]) : "connect_error");
            connected.complete(false);
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected = true);
        socket.onAnyIncoming(args -> heard.add(new Heard(String.valueOf(args[0]),
                args.length > 1 && args[1] != null ? JSON.readTree(String.valueOf(args[1])) : JSON.missingNode())));
        socket.connect();
    }

    private static String local(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Token in the Socket.io {@code auth} payload, as the apps send it. */
    public static TestSocket withAuth(int port, String token) {
        return withAuth(local(port), token);
    }

    public static TestSocket withAuth(String url, String token) {
        IO.Options options = new IO.Options();
        options.auth = Map.of("token", token);
        return new TestSocket(url, options);
    }

    public static TestSocket withQueryToken(int port, String token) {
        IO.Options options = new IO.Options();
        options.query = "token=" + token;
        return new TestSocket(local(port), options);
    }

    public static TestSocket withHeaderToken(int port, String token) {
        IO.Options options = new IO.Options();
        options.extraHeaders = Map.of("Authorization", List.of("Bearer " + token));
        return new TestSocket(local(port), options);
    }

    public static TestSocket anonymous(int port) {
        return new TestSocket(local(port), new IO.Options());
    }

    /** Whether the handshake was accepted (false when refused), waiting up to 10 s. */
    public boolean awaitConnected() throws Exception {
        return connected.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    /** Connects or fails the test. */
    public TestSocket connected() throws Exception {
        if (!awaitConnected()) {
            throw new AssertionError("socket did not connect: " + errors);
        }
        return this;
    }

    /** Emits {@code join} and waits for the gateway's answer. */
    public JsonNode join(String room) throws Exception {
        return ask("join", room);
    }

    /** Emits {@code location:update} and waits for the acknowledgement. */
    public JsonNode sendLocation(Map<String, Object> update) throws Exception {
        return ask("location:update", new JSONObject(update));
    }

    /** Emits an event with one argument and waits for its acknowledgement. */
    public JsonNode ask(String event, Object payload) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        socket.emit(event, new Object[] {payload},
                (Ack) args -> answer.complete(args.length == 0 ? JSON.missingNode() : JSON.readTree(String.valueOf(args[0]))));
        return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    /** What arrived as {@code event}, oldest first. */
    public List<JsonNode> heard(String event) {
        return heard.stream().filter(h -> h.event().equals(event)).map(Heard::data).toList();
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
