package com.delivery.order.app;

import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderStatus;
import com.delivery.order.domain.StatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows every change of an order, inside its transaction: the event into the outbox, and the application
 * events that, after commit, evict the read cache and push the status to sockets.
 */
@Component
class OrderChanges {

    private static final Logger log = LoggerFactory.getLogger(OrderChanges.class);

    private final OutboxWriter outbox;
    private final ApplicationEventPublisher events;

    OrderChanges(OutboxWriter outbox, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Order order) {
        outbox.append(order.createdEvent());
        log.info("Order created orderId={} customerId={} vendorId={} totalMinor={} currency={}", order.id(),
                order.customerId(), order.vendorId(), order.totals().totalMinor(), order.currency());
        events.publishEvent(new OrderStatusChanged(order.id(), order.status().name(), null, order.createdAt(),
                order.customerId(), order.vendorId(), order.category(), null, null));
    }

    /** After a status move; {@code order} has been flushed so its version is the new one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(Order order, StatusChange change) {
        change.eventToPublish().ifPresent(outbox::append);
        log.info("Order moved orderId={} from={} to={} by={} as={}", change.orderId(), change.from(), change.to(),
                change.by(), change.as());
        boolean cancelled = change.to() == OrderStatus.CANCELLED;
        events.publishEvent(new OrderStatusChanged(change.orderId(), change.to().name(), change.from().name(),
                change.at(), order.customerId(), order.vendorId(), order.category(),
                cancelled ? order.cancelReason() : null, cancelled ? order.cancelDetail() : null));
        changed(order);
    }

    /** Any change, status or not (driver, refund, a note in the timeline). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Order order) {
        events.publishEvent(new OrderChanged(order.id(), order.version()));
    }
}
