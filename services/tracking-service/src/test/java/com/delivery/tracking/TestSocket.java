package com.delivery.tracking;

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

/** A real socket.io-client (protocol v4, websocket) as the apps use it, recording every event it hears. */
final class TestSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Heard(String event, JsonNode data) {
    }

    final Socket socket;
    final CompletableFuture<Boolean> connected = new CompletableFuture<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<Heard> heard = new CopyOnWriteArrayList<>();

    private TestSocket(int port, IO.Options options) {
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        socket = IO.socket(URI.create("http://127.0.0.1:" + port), options);
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(true));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            errors.add(args.length > 0 ? String.valueOf(args[0]) : "connect_error");
            connected.complete(false);
        });
        for (String event : List.of("driver:location", "eta:update", "location:error")) {
            socket.on(event, args -> heard.add(new Heard(event, JSON.readTree(String.valueOf(args[0])))));
        }
        socket.connect();
    }

    /** Token in the Socket.io {@code auth} payload, as the apps send it. */
    static TestSocket withAuth(int port, String token) {
        IO.Options options = new IO.Options();
        options.auth = Map.of("token", token);
        return new TestSocket(port, options);
    }

    static TestSocket withQueryToken(int port, String token) {
        IO.Options options = new IO.Options();
        options.query = "token=" + token;
        return new TestSocket(port, options);
    }

    static TestSocket withHeaderToken(int port, String token) {
        IO.Options options = new IO.Options();
        options.extraHeaders = Map.of("Authorization", List.of("Bearer " + token));
        return new TestSocket(port, options);
    }

    boolean awaitConnected() throws Exception {
        return connected.get(10, TimeUnit.SECONDS);
    }

    /** Connects or fails the test. */
    TestSocket connected() throws Exception {
        if (!awaitConnected()) {
            throw new AssertionError("socket did not connect: " + errors);
        }
        return this;
    }

    /** Emits {@code join} and waits for the gateway's answer. */
    JsonNode join(String room) throws Exception {
        return ask("join", room);
    }

    /** Emits {@code location:update} and waits for the acknowledgement. */
    JsonNode sendLocation(Map<String, Object> update) throws Exception {
        return ask("location:update", new JSONObject(update));
    }

    private JsonNode ask(String event, Object payload) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        socket.emit(event, new Object[] {payload}, (Ack) args -> answer.complete(JSON.readTree(String.valueOf(args[0]))));
        return answer.get(10, TimeUnit.SECONDS);
    }

    List<JsonNode> heard(String event) {
        return heard.stream().filter(h -> h.event().equals(event)).map(Heard::data).toList();
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
