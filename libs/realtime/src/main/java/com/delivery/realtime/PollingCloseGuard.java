package com.delivery.realtime;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;

/**
 * Between netty-socketio's polling and WebSocket transports: keeps the close of a plain HTTP connection (a finished
 * long-poll) from reaching {@code WebSocketTransport.channelInactive}. That method sends the session a Socket.io
 * DISCONNECT ({@code 41}) whenever the closing channel is still registered to a session, whatever its transport.
 * netty-socketio unregisters a poll's channel when it closes or when the next poll binds; a poll that closes on one
 * event loop while the session's next poll binds on another can still be registered, and the client then reads
 * "io server disconnect" - after which socket.io clients do not reconnect by themselves. The polling transport has
 * seen the close already (it is before this handler); nothing after the WebSocket transport needs it.
 */
@Sharable
final class PollingCloseGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "deliveryPollingCloseGuard";

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.pipeline().get(WebSocketFrameDecoder.class) != null) {
            super.channelInactive(ctx);
        }
    }
}
