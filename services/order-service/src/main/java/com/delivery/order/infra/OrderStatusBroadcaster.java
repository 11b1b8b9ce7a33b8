package com.delivery.order.infra;

import com.delivery.order.app.OrderStatusChanged;
import com.delivery.realtime.SocketGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a status change commits: {@code order:status {orderId, status, previousStatus, at}} to the order's room,
 * and the same with {@code vendorId}, {@code customerId} and {@code category} to the {@code admin} room. The
 * gateway fans it out to the other instances through Redis.
 */
@Component
class OrderStatusBroadcaster {

    static final String EVENT = "order:status";
    private static final Logger log = LoggerFactory.getLogger(OrderStatusBroadcaster.class);

    private final ObjectProvider<SocketGateway> gateway;

    OrderStatusBroadcaster(ObjectProvider<SocketGateway> gateway) {
        this.gateway = gateway;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onStatusChange(OrderStatusChanged change) {
        SocketGateway sockets = gateway.getIfAvailable();
        if (sockets == null) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("orderId", change.orderId());
        status.put("status", change.status());
        status.put("previousStatus", change.previousStatus());
        status.put("at", change.at());
        if (change.reason() != null) {
            status.put("reason", change.reason());
            status.put("detail", change.detail());
        }
        Map<String, Object> feed = new LinkedHashMap<>(status);
        feed.put("vendorId", change.vendorId());
        feed.put("customerId", change.customerId());
        feed.put("category", change.category());
        try {
            sockets.broadcast(OrderRooms.of(change.orderId()), EVENT, status);
            sockets.broadcast(OrderRooms.ADMIN_ROOM, EVENT, feed);
        } catch (RuntimeException e) {
            // the change is committed; a missed push is caught up by the client's next read
            log.warn("Status push failed orderId={} status={}: {}", change.orderId(), change.status(), e.toString());
        }
    }
}
