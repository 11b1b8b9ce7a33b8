package com.delivery.realtime;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the pipeline: closes a connection whose client sent more than the gateway's limit. Netty refuses a single
 * oversized WebSocket frame itself (close 1009) and an oversized long-polling body (413), but a message split into
 * continuation frames overflows netty-socketio's {@code WebSocketFrameAggregator}, which only fires a
 * {@link TooLongFrameException} that nobody handles: the connection would stay open and the next frames would be
 * read as a new message.
 */
@Sharable
final class OversizeGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "deliveryOversizeGuard";

    private static final Logger log = LoggerFactory.getLogger(OversizeGuard.class);

    private final GatewaySettings settings;

    OversizeGuard(GatewaySettings settings) {
        this.settings = settings;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (!(cause instanceof TooLongFrameException)) {
            super.exceptionCaught(ctx, cause);
            return;
        }
        log.info("Socket message over {} bytes refused gateway={} from={}", settings.maxPayloadBytes(), settings.name(),
                ctx.channel().remoteAddress());
        if (ctx.pipeline().get(WebSocketFrameDecoder.class) != null) {
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
