package com.delivery.realtime;

import com.corundumstudio.socketio.handler.EncoderHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the polling → WebSocket upgrade that netty-socketio 2.0.x leaves stuck (issue 14).
 *
 * <p>Engine.IO v4 upgrade: the client opens a WebSocket beside its long-polling session and sends {@code 2probe};
 * the server answers {@code 3probe} on the WebSocket and must then release the client's pending poll with a
 * {@code NOOP} ({@code 6}), because the client pauses polling - waits for its pending GET to return - before it
 * sends {@code 5} (upgrade) on the WebSocket and moves everything there. netty-socketio sends exactly one NOOP,
 * into the polling queue, at the moment {@code 2probe} arrives ({@code PacketListener}, case PING). When that NOOP
 * (with whatever else was queued) goes out in a poll response that the client reads <em>before</em> the
 * {@code 3probe}, the client simply polls again; then it reads {@code 3probe}, pauses, and waits for that new GET,
 * which the server never answers: nothing is queued for polling any more. The client meanwhile buffers every emit
 * ({@code upgrading}), the server sends everything to the polling queue, and after {@code upgradeTimeout} (10 s)
 * netty-socketio's {@code WebSocketTransport} drops the session without closing a channel or telling the client
 * ({@code ClientHead.onChannelDisconnect()}), so the client hears nothing until its ping timeout
 * (pingInterval + pingTimeout = 85 s).
 *
 * <p>The reference server (socket.io's {@code engine.io}) keeps answering the pending poll with a NOOP every 100 ms
 * while an upgrade is in progress. This handler does the same, in front of netty-socketio: it remembers each
 * session's latest long-polling GET, and from the {@code 2probe} until the {@code 5} it answers that GET - if
 * netty-socketio has not answered it yet - with a NOOP every {@link #TICK}. The answer is claimed with
 * netty-socketio's own once-per-request flag ({@link EncoderHandler#WRITE_ONCE}), on the poll's event loop, so the
 * two never both answer one GET; packets queued meanwhile stay in the polling queue, which netty-socketio moves to
 * the WebSocket on {@code 5}. An upgrade still unfinished after the upgrade timeout closes the session's channels,
 * so the client notices at once and reconnects instead of waiting for its ping timeout.
 */
@Sharable
final class UpgradeGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "deliveryUpgradeGuard";
    static final Duration TICK = Duration.ofMillis(50);

    private static final Logger log = LoggerFactory.getLogger(UpgradeGuard.class);
    private static final AttributeKey<Upgrade> UPGRADE = AttributeKey.valueOf("delivery.upgrade");
    private static final byte[] NOOP = "6".getBytes(StandardCharsets.US_ASCII);

    private final String gateway;
    private final Duration upgradeTimeout;
    /** session id → its latest long-polling GET (until that channel closes) */
    private final Map<String, Channel> polls = new ConcurrentHashMap<>();

    UpgradeGuard(String gateway, Duration upgradeTimeout) {
        this.gateway = gateway;
        this.upgradeTimeout = upgradeTimeout;
    }

    /** One WebSocket that an Engine.IO v4 long-polling session opened to upgrade. */
    private final class Upgrade implements Runnable {
        final String sid;
        final Channel webSocket;
        final long deadline;
        volatile boolean probed;
        volatile boolean finished;

        Upgrade(String sid, Channel webSocket) {
            this.sid = sid;
            this.webSocket = webSocket;
            this.deadline = System.nanoTime() + upgradeTimeout.toNanos();
        }

        void schedule() {
            webSocket.eventLoop().schedule(this, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (finished || !webSocket.isActive()) {
                return;
            }
            Channel poll = polls.get(sid);
            if (System.nanoTime() - deadline > 0) {
                finished = true;
                log.info("Socket upgrade not completed in {} gateway={} sid={}: closing the session", upgradeTimeout,
                        gateway, sid);
                webSocket.close();
                if (poll != null) {
                    poll.close();
                }
                return;
            }
            if (probed && poll != null && poll.isActive()) {
                poll.eventLoop().execute(() -> releasePoll(poll));
            }
            schedule();
        }

        /** On the poll's event loop: answers it with a NOOP unless netty-socketio has answered it already. */
        private void releasePoll(Channel poll) {
            if (finished || !poll.isActive() || !poll.attr(EncoderHandler.WRITE_ONCE).compareAndSet(null, true)) {
                return;
            }
            log.debug("Releasing the pending poll of an upgrading socket gateway={} sid={}", gateway, sid);
            FullHttpResponse noop = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(NOOP));
            noop.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, NOOP.length);
            // from the tail, through the origin guard's CORS headers; netty-socketio closes polls after answering too
            poll.writeAndFlush(noop).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && HttpMethod.GET.equals(request.method())) {
            onGet(ctx.channel(), request);
        } else if (msg instanceof TextWebSocketFrame frame) {
            Upgrade upgrade = ctx.channel().attr(UPGRADE).get();
            if (upgrade != null && !upgrade.finished) {
                onFrame(upgrade, frame.content());
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void onGet(Channel channel, HttpRequest request) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String sid = first(query, "sid");
        if (sid == null || !"4".equals(first(query, "EIO"))) {
            return;
        }
        String transport = first(query, "transport");
        if ("polling".equals(transport)) {
            polls.put(sid, channel);
            channel.closeFuture().addListener(closed -> polls.remove(sid, channel));
        } else if ("websocket".equals(transport) && channel.attr(UPGRADE).get() == null) {
            Upgrade upgrade = new Upgrade(sid, channel);
            channel.attr(UPGRADE).set(upgrade);
            channel.closeFuture().addListener(closed -> upgrade.finished = true);
            upgrade.schedule();
        }
    }

    private static void onFrame(Upgrade upgrade, ByteBuf content) {
        int length = content.readableBytes();
        if (length == 6 && "2probe".equals(content.toString(content.readerIndex(), 6, StandardCharsets.US_ASCII))) {
            upgrade.probed = true;
        } else if (length == 1 && content.getByte(content.readerIndex()) == '5') {
            upgrade.finished = true;
        }
    }

    private static String first(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
