package com.delivery.order;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real socket.io-client (protocol v4, websocket) as the apps use it, recording what it hears. */
final class TestSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Socket socket;
    final CompletableFuture<Boolean> connected = new CompletableFuture<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    volatile boolean disconnected;

    private TestSocket(int port, IO.Options options, String... events) {
        options.transports = new String[] {WebSocket.NAME};
        options.reconnection = false;
        options.forceNew = true;
        socket = IO.socket(URI.create("http://127.0.0.1:" + port), options);
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(true));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            errors.add(args.length > 0 ? String.valueOf(args[0]) : "connect_error");
            connected.complete(false);
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected = true);
        for (String event : events) {
            socket.on(event, args -> received.add(JSON.readTree(String.valueOf(args[0]))));
        }
        socket.connect();
    }

    /** Token in the Socket.io {@code auth} payload, as browsers send it. */
    static TestSocket withAuth(int port, String token, String... events) {
        IO.Options options = new IO.Options();
        options.auth = Map.of("token", token);
        return new TestSocket(port, options, events);
    }

    static TestSocket withQueryToken(int port, String token, String... events) {
        IO.Options options = new IO.Options();
        options.query = "token=" + token;
        return new TestSocket(port, options, events);
    }

    static TestSocket withHeaderToken(int port, String token, String... events) {
        IO.Options options = new IO.Options();
        options.extraHeaders = Map.of("Authorization", List.of("Bearer " + token));
        return new TestSocket(port, options, events);
    }

    static TestSocket anonymous(int port, String... events) {
        return new TestSocket(port, new IO.Options(), events);
    }

    boolean awaitConnected() throws Exception {
        return connected.get(10, TimeUnit.SECONDS);
    }

    /** Emits {@code join} and waits for the gateway's answer. */
    JsonNode join(String room) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        socket.emit("join", new Object[] {room}, (Ack) args -> answer.complete(JSON.readTree(String.valueOf(args[0]))));
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
