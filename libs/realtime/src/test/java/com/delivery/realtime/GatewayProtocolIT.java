package com.delivery.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.delivery.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's Engine.IO edge spoken by hand: the upgrade that used to stall (issue 14), the origin check, no
 * version banner, the message size limit.
 */
class GatewayProtocolIT {

    private static final String APP_ORIGIN = "https://app.delivery.test";
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    static SocketGateway gateway;
    static final List<Object> locationUpdates = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        SocketAuthenticator tokens = new JwtSocketAuthenticator(NimbusJwtDecoder.withJwkSetUri(TestTokens.install()).build());
        RoomAuthorizer rooms = (principal, room) -> room.equals("thing:" + principal.userId());
        gateway = new SocketGateway(new GatewaySettings("protocol", "127.0.0.1", freePort(), 0,
                List.of(APP_ORIGIN, "http://localhost:5173/")), tokens, rooms, RoomFanOut.none(), json);
        gateway.on("location:update", Object.class, (principal, data, reply) -> {
            locationUpdates.add(data);
            reply.send(Map.of("ok", true));
        });
        gateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + gateway.port() + "/socket.io/?EIO=4&transport=polling";
    }

    private static HttpResponse<String> get(String uri, String origin, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A long-polling session with the namespace connected: its sid. */
    private static String connectedPollingSession(UUID user) throws Exception {
        HttpResponse<String> open = get(base(), null, Duration.ofSeconds(10));
        assertThat(open.statusCode()).isEqualTo(200);
        Matcher sid = SID.matcher(open.body());
        assertThat(sid.find()).as(open.body()).isTrue();
        String session = base() + "&sid=" + sid.group(1);
        assertThat(post(session, "40{\"token\":\"" + TestTokens.token(user, "CUSTOMER") + "\"}").statusCode()).isEqualTo(200);
        assertThat(get(session, null, Duration.ofSeconds(10)).body()).startsWith("40{\"sid\"");
        return sid.group(1);
    }

    /** Collects whole text messages of a java.net.http WebSocket. */
    static final class Messages implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        String next() throws InterruptedException {
            String text = texts.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a message within 10 s").isNotNull();
            return text;
        }
    }

    private static WebSocket webSocket(String query, Messages messages) throws Exception {
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/socket.io/?EIO=4&" + query), messages)
                .get(10, TimeUnit.SECONDS);
    }

    // ---- issue 14: the upgrade -------------------------------------------------------------------------------

    /**
     * What the official client does about one time in a few hundred on a busy machine: it reads the poll that
     * carries the server's single upgrade NOOP before the WebSocket's {@code 3probe}, polls once more, then pauses
     * polling and waits for that poll. netty-socketio alone never answers it (until its upgrade timeout drops the
     * session, silently); the gateway must.
     */
    @Test
    void aPollThatIsPendingWhileTheClientUpgradesIsReleasedAndTheUpgradeCompletes() throws Exception {
        UUID user = UUID.randomUUID();
        String sid = connectedPollingSession(user);
        String session = base() + "&sid=" + sid;
        Messages messages = new Messages();
        WebSocket ws = webSocket("transport=websocket&sid=" + sid, messages);

        ws.sendText("2probe", true).get(5, TimeUnit.SECONDS);
        assertThat(messages.next()).isEqualTo("3probe");
        // the server's one NOOP, read before the client has seen 3probe ...
        assertThat(get(session, null, Duration.ofSeconds(5)).body()).isEqualTo("6");
        // ... so the client polls again, sees 3probe, pauses and waits for this poll before it may send "5"
        long started = System.nanoTime();
        HttpResponse<String> pending = get(session, null, Duration.ofSeconds(5));
        assertThat(pending.body()).isEqualTo("6");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        ws.sendText("5", true).get(5, TimeUnit.SECONDS);
        ws.sendText("420[\"join\",\"thing:" + user + "\"]", true).get(5, TimeUnit.SECONDS);
        String answer = messages.next();
        while (answer.equals("6")) {
            answer = messages.next();
        }
        assertThat(answer).isEqualTo("430[{\"room\":\"thing:" + user + "\",\"ok\":true}]");
        assertThat(gateway.localRoomSize("thing:" + user)).isEqualTo(1);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    // ---- origins -----------------------------------------------------------------------------------------------

    @Test
    void anUnknownOriginIsRefusedAtTheHandshakeWithoutCorsHeaders() throws Exception {
        HttpResponse<String> polling = get(base(), "https://evil.example", Duration.ofSeconds(10));
        assertThat(polling.statusCode()).isEqualTo(403);
        assertThat(polling.body()).doesNotContain("sid");
        assertThat(polling.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base()))
                .timeout(Duration.ofSeconds(10)).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        CompletableFuture<WebSocket> ws = http.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/socket.io/?EIO=4&transport=websocket&token="
                        + TestTokens.token(UUID.randomUUID(), "CUSTOMER")), new Messages());
        assertThat(ws).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aConfiguredOriginGetsItsOwnCorsHeadersAndNoRequestNeedsOne() throws Exception {
        HttpResponse<String> allowed = get(base(), APP_ORIGIN, Duration.ofSeconds(10));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"sid\"");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(APP_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(allowed.headers().allValues("Vary")).contains("Origin");

        // configured with a trailing slash, sent without one
        assertThat(get(base(), "http://localhost:5173", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base()))
                .timeout(Duration.ofSeconds(10)).header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("Authorization");

        // the gateway's own origin is not a cross-origin request (React Native's WebSocket on Android sends it)
        assertThat(get(base(), "http://127.0.0.1:" + gateway.port(), Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
        assertThat(get(base(), "http://127.0.0.1:1" + gateway.port(), Duration.ofSeconds(10)).statusCode()).isEqualTo(403);

        // the native apps send no Origin: no CORS headers, and not refused
        HttpResponse<String> app = get(base(), null, Duration.ofSeconds(10));
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void noResponseNamesTheServerOrSetsASessionCookie() throws Exception {
        HttpResponse<String> open = get(base(), APP_ORIGIN, Duration.ofSeconds(10));
        assertThat(open.headers().firstValue("Server")).isEmpty();
        assertThat(open.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> refused = get(base(), "https://evil.example", Duration.ofSeconds(10));
        assertThat(refused.headers().firstValue("Server")).isEmpty();
        HttpResponse<String> wrongPath = get("http://127.0.0.1:" + gateway.port() + "/nothing-here", null,
                Duration.ofSeconds(10));
        assertThat(wrongPath.headers().firstValue("Server")).isEmpty();
    }

    // ---- message size ------------------------------------------------------------------------------------------

    private static String locationUpdate(int bytes) {
        return "421[\"location:update\",{\"lat\":52.52,\"lng\":13.405,\"note\":\"" + "x".repeat(bytes) + "\"}]";
    }

    @Test
    void aTwoMegabyteWebSocketMessageClosesTheConnectionAndNeverReachesTheHandler() throws Exception {
        for (boolean fragmented : new boolean[] {false, true}) {
            locationUpdates.clear();
            Messages messages = new Messages();
            WebSocket ws = webSocket("transport=websocket&token=" + TestTokens.token(UUID.randomUUID(), "DRIVER"), messages);
            assertThat(messages.next()).startsWith("0{");
            ws.sendText("40", true).get(5, TimeUnit.SECONDS);
            assertThat(messages.next()).startsWith("40{\"sid\"");
            ws.sendText(locationUpdate(100), true).get(5, TimeUnit.SECONDS);
            assertThat(messages.next()).isEqualTo("431[{\"ok\":true}]");

            String huge = locationUpdate(2 * 1024 * 1024);
            try {
                if (fragmented) {
                    int chunk = 16 * 1024;
                    for (int at = 0; at < huge.length(); at += chunk) {
                        ws.sendText(huge.substring(at, Math.min(huge.length(), at + chunk)), at + chunk >= huge.length())
                                .get(5, TimeUnit.SECONDS);
                    }
                } else {
                    ws.sendText(huge, true).get(5, TimeUnit.SECONDS);
                }
            } catch (Exception sendFailed) {
                // the server may close before the client has written it all
            }
            assertThat(messages.closed).as("fragmented=" + fragmented).succeedsWithin(Duration.ofSeconds(10));
            assertThat(locationUpdates).as("fragmented=" + fragmented).hasSize(1);
        }
    }

    @Test
    void aLongPollingBodyOverTheLimitIsRefused() throws Exception {
        locationUpdates.clear();
        String sid = connectedPollingSession(UUID.randomUUID());
        try {
            // 413, and the connection is closed; the client may see only the close while it is still writing
            assertThat(post(base() + "&sid=" + sid, locationUpdate(2 * 1024 * 1024)).statusCode()).isEqualTo(413);
        } catch (IOException closedWhileWriting) {
            assertThat(closedWhileWriting).hasMessageNotContaining("timed out");
        }
        assertThat(post(base() + "&sid=" + sid, locationUpdate(1000)).statusCode()).isEqualTo(200);
        // the small update arrives, and the refused one never does
        await().atMost(Duration.ofSeconds(10)).until(() -> !locationUpdates.isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> locationUpdates.size() == 1);
    }

    @Test
    void permessageDeflateIsNotNegotiated() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + gateway.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 101");
            assertThat(head.toLowerCase()).doesNotContain("permessage-deflate");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
