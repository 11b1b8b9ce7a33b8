package com.delivery.order.app;

import com.delivery.kit.web.ApiException;
import com.delivery.order.domain.Actor;
import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderStatus;
import com.delivery.order.domain.Orders;
import com.delivery.order.domain.StatusChange;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves of the state machine asked for by people: the vendor confirms, prepares and marks ready; the driver picks
 * up and delivers; the customer cancels; an admin may do any of it. The aggregate decides (403 for the wrong person,
 * 409 for a move that does not exist from here); a stale {@code expectedVersion}, or a concurrent change that got
 * there first, is a 409 too.
 */
@Service
public class OrderWorkflow {

    private final Orders orders;
    private final OrderChanges changes;
    private final Clock clock;

    OrderWorkflow(Orders orders, OrderChanges changes, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
    }

    /** @param expectedVersion the version the caller last saw, or {@code null} to not check */
    @Transactional
    public OrderView move(UUID orderId, OrderStatus target, String reason, Long expectedVersion, Actor actor) {
        Order order = load(orderId, expectedVersion, actor);
        StatusChange change = order.moveTo(target, actor, reason, clock.instant());
        return record(order, change);
    }

    @Transactional
    public OrderView cancel(UUID orderId, String reason, Long expectedVersion, Actor actor) {
        Order order = load(orderId, expectedVersion, actor);
        StatusChange change = order.cancel(actor, reason, clock.instant());
        return record(order, change);
    }

    /** The admin endpoint: cancels as an admin, whatever else the admin is to the order. */
    @Transactional
    public OrderView forceCancel(UUID orderId, String reason, Actor admin) {
        if (!admin.isAdmin()) {
            throw ApiException.forbidden("Only admins may force a cancellation");
        }
        return cancel(orderId, reason, null, admin.asAdmin());
    }

    private Order load(UUID orderId, Long expectedVersion, Actor actor) {
        Order order = orders.findById(orderId).orElseThrow(() -> ApiException.notFound("Order", orderId));
        if (!order.isVisibleTo(actor)) {
            throw ApiException.forbidden("This order belongs to someone else");
        }
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw ApiException.conflict("stale-version", "The order is at version " + order.version()
                    + ", not " + expectedVersion + "; read it again and retry");
        }
        return order;
    }

    private OrderView record(Order order, StatusChange change) {
        // flushed now so the version is final and a concurrent change fails here, before anything is published
        Order saved = orders.saveAndFlush(order);
        changes.moved(saved, change);
        return OrderView.of(saved);
    }
}
