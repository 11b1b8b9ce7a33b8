package com.delivery.realtime;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;

/**
 * netty-socketio's pipeline with the gateway's own handlers in front of its Socket.io handlers (after the HTTP
 * decoding and aggregation, so they see whole requests, and before the packet handler):
 * {@link OriginGuard} (origin check, CORS, no banner) and {@link UpgradeGuard} (completes stalled upgrades);
 * {@link PollingCloseGuard} before the WebSocket transport (no stray DISCONNECT when a poll's connection closes);
 * and {@link OversizeGuard} at the end, which closes a connection whose message overflowed the size limit.
 */
final class GatewayChannelInitializer extends SocketIOChannelInitializer {

    private final OriginGuard originGuard;
    private final UpgradeGuard upgradeGuard;
    private final OversizeGuard oversizeGuard;
    private final PollingCloseGuard pollingCloseGuard = new PollingCloseGuard();

    GatewayChannelInitializer(GatewaySettings settings, Duration upgradeTimeout) {
        this.originGuard = new OriginGuard(settings);
        this.upgradeGuard = new UpgradeGuard(settings.name(), upgradeTimeout);
        this.oversizeGuard = new OversizeGuard(settings);
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(PACKET_HANDLER, OriginGuard.NAME, originGuard);
        pipeline.addBefore(PACKET_HANDLER, UpgradeGuard.NAME, upgradeGuard);
        pipeline.addBefore(WEB_SOCKET_TRANSPORT, PollingCloseGuard.NAME, pollingCloseGuard);
        pipeline.addLast(OversizeGuard.NAME, oversizeGuard);
    }
}
