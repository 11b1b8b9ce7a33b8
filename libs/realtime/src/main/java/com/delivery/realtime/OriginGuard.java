package com.delivery.realtime;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP edge, in front of netty-socketio's own handlers (whose CORS support is switched off: it
 * reflects any {@code Origin} with {@code Access-Control-Allow-Credentials: true}).
 * <ul>
 *   <li>A request whose {@code Origin} is not allowed - handshake, long-polling or WebSocket upgrade - gets 403 and
 *       never reaches netty-socketio. A request without {@code Origin} (native apps, servers) passes, and so does
 *       one whose {@code Origin} is the gateway's own host and port (same-origin, not a CORS request).</li>
 *   <li>Responses to an allowed origin carry {@code Access-Control-Allow-Origin: <that origin>} (credentials allowed,
 *       so the ingress's affinity cookie works cross-origin) and {@code Vary: Origin}; others carry no CORS
 *       header.</li>
 *   <li>CORS preflights ({@code OPTIONS}) are answered here.</li>
 *   <li>No {@code Server} banner and no {@code io} session cookie (sessions are never taken from a cookie);
 *       {@code Connection: close}, which is what netty-socketio does after every HTTP response.</li>
 * </ul>
 */
@Sharable
final class OriginGuard extends ChannelDuplexHandler {

    static final String NAME = "deliveryOriginGuard";

    private static final Logger log = LoggerFactory.getLogger(OriginGuard.class);
    private static final AttributeKey<String> ALLOWED_ORIGIN = AttributeKey.valueOf("delivery.allowedOrigin");
    private static final byte[] FORBIDDEN = "{\"code\":4,\"message\":\"Origin not allowed\"}".getBytes(StandardCharsets.UTF_8);

    private final GatewaySettings settings;

    OriginGuard(GatewaySettings settings) {
        this.settings = settings;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            if (origin != null && !settings.allowsOrigin(origin)
                    && sameOrigin(origin, request.headers().get(HttpHeaderNames.HOST))) {
                // not a cross-origin request (as Spring's CORS support sees it): e.g. React Native's WebSocket on
                // Android, which sends the server's own origin
                origin = null;
            }
            if (origin != null && !settings.allowsOrigin(origin)) {
                ReferenceCountUtil.release(msg);
                log.info("Socket request refused gateway={} from={} origin={}", settings.name(),
                        ctx.channel().remoteAddress(), origin);
                ctx.channel().attr(ALLOWED_ORIGIN).set(null);
                FullHttpResponse forbidden = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN,
                        Unpooled.wrappedBuffer(FORBIDDEN));
                forbidden.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, FORBIDDEN.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(forbidden).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.channel().attr(ALLOWED_ORIGIN).set(origin);
            if (HttpMethod.OPTIONS.equals(request.method())) {
                ReferenceCountUtil.release(msg);
                FullHttpResponse preflight = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
                preflight.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST")
                        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type")
                        .setInt(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, 3600)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                // through the whole pipeline, so that write() below adds the CORS headers
                ctx.channel().writeAndFlush(preflight).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether {@code origin} names the host (and port) the request was sent to, whatever the scheme. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI from = new URI(origin.trim());
            URI to = new URI("http://" + host.trim());
            if (from.getHost() == null || to.getHost() == null || !from.getHost().equalsIgnoreCase(to.getHost())) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            int fromPort = from.getPort() == -1 ? defaultPort : from.getPort();
            int toPort = to.getPort() == -1 ? defaultPort : to.getPort();
            return fromPort == toPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            HttpHeaders headers = response.headers();
            headers.remove(HttpHeaderNames.SERVER);
            headers.remove(HttpHeaderNames.SET_COOKIE);
            headers.remove(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN);
            headers.remove(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS);
            boolean upgrade = HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status());
            if (!upgrade) {
                // netty-socketio closes the connection after every HTTP response, yet says keep-alive: a client
                // that believes it sends its next request into a closed connection
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            String origin = ctx.channel().attr(ALLOWED_ORIGIN).get();
            if (origin != null && !upgrade) {
                if (settings.allowedOrigins().contains("*")) {
                    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
                } else {
                    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                    headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
                    headers.add(HttpHeaderNames.VARY, "Origin");
                }
            }
        }
        ctx.write(msg, promise);
    }
}
