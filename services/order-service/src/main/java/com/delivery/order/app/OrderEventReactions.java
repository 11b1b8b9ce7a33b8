package com.delivery.order.app;

import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.InventoryRejected;
import com.delivery.events.InventoryReserved;
import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentFailed;
import com.delivery.events.PaymentRefunded;
import com.delivery.order.domain.Order;
import com.delivery.order.domain.Orders;
import com.delivery.order.domain.StatusChange;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What payment and driver events do to an order. Called once per event (the listeners dedupe by event id in the same
 * transaction). Events may arrive in any order across topics: one that no longer applies (a payment for an order
 * cancelled meanwhile, a driver for a delivered order) is kept in the timeline and changes nothing else.
 */
@Service
public class OrderEventReactions {

    private static final Logger log = LoggerFactory.getLogger(OrderEventReactions.class);

    private final Orders orders;
    private final OrderChanges changes;
    private final Clock clock;

    OrderEventReactions(Orders orders, OrderChanges changes, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
    }

    /** {@code inventory.reserved}: the stock half of PENDING_PAYMENT → PLACED. */
    @Transactional
    public void stockHeld(InventoryReserved held) {
        find(held.orderId(), "inventory.reserved").ifPresent(order -> apply(order, order.stockHeld(clock.instant())));
    }

    /** {@code inventory.rejected}: the order cannot be served; cancelled OUT_OF_STOCK, naming the items. */
    @Transactional
    public void stockRejected(InventoryRejected rejected) {
        find(rejected.orderId(), "inventory.rejected").ifPresent(order ->
                apply(order, order.stockRejected(rejected.shortages(), clock.instant())));
    }

    /** {@code payment.completed}: the payment half of PENDING_PAYMENT → PLACED. */
    @Transactional
    public void paymentCompleted(PaymentCompleted payment) {
        find(payment.orderId(), "payment.completed").ifPresent(order ->
                apply(order, order.paymentCompleted(payment.providerReference(), clock.instant())));
    }

    /** {@code payment.failed}: an unpaid order is cancelled by the system. */
    @Transactional
    public void paymentFailed(PaymentFailed payment) {
        find(payment.orderId(), "payment.failed").ifPresent(order ->
                apply(order, order.paymentFailed(payment.failureCode(), payment.reason(), clock.instant())));
    }

    /** {@code payment.refunded}: recorded on the order. */
    @Transactional
    public void paymentRefunded(PaymentRefunded refund) {
        find(refund.orderId(), "payment.refunded").ifPresent(order -> {
            order.refunded(refund.amountMinor(), refund.currency(), refund.reason(), clock.instant());
            apply(order, null);
        });
    }

    /** {@code driver.assigned}: sets the driver while the order is CONFIRMED, PREPARING or READY_FOR_PICKUP. */
    @Transactional
    public void driverAssigned(DriverAssigned assigned) {
        find(assigned.orderId(), "driver.assigned").ifPresent(order -> {
            order.assignDriver(assigned.driverId(), assigned.driverName(), assigned.vehicleType(), clock.instant());
            apply(order, null);
        });
    }

    /** {@code driver.unavailable}: recorded; no automatic cancel. */
    @Transactional
    public void driverUnavailable(DriverUnavailable unavailable) {
        find(unavailable.orderId(), "driver.unavailable").ifPresent(order -> {
            order.driverUnavailable(unavailable.driverId(), unavailable.reason(), clock.instant());
            apply(order, null);
        });
    }

    private Optional<Order> find(UUID orderId, String type) {
        Optional<Order> order = orders.findById(orderId);
        if (order.isEmpty()) {
            // not ours (another environment sharing the broker) or a producer bug; retrying will not help
            log.warn("Ignoring {} for unknown orderId={}", type, orderId);
        }
        return order;
    }

    private void apply(Order order, StatusChange change) {
        Order saved = orders.saveAndFlush(order);
        if (change != null) {
            changes.moved(saved, change);
        } else {
            changes.changed(saved);
        }
    }
}
