package com.delivery.vendor.app;

import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.OrderStockLedger;
import com.delivery.vendor.domain.OrderStockState;
import com.delivery.vendor.domain.StockLevel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock through an order's life, driven by its events: reserve on {@code order.created} (all lines or none),
 * commit on {@code order.confirmed}, put back on {@code order.cancelled}. Each order's events are serialised and
 * its state recorded, so duplicates and any order of arrival (a cancel before the order) leave stock right.
 */
@Service
public class StockReservations {

    private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

    private final Inventory inventory;
    private final OrderStockLedger ledger;
    private final StockAlerts alerts;

    StockReservations(Inventory inventory, OrderStockLedger ledger, StockAlerts alerts) {
        this.inventory = inventory;
        this.ledger = ledger;
        this.alerts = alerts;
    }

    /** Returns the order's stock state afterwards. */
    @Transactional
    public OrderStockState onOrderCreated(OrderCreated order) {
        ledger.lockOrder(order.orderId());
        Optional<OrderStockState> state = ledger.state(order.orderId());
        if (state.isPresent() && state.get() != OrderStockState.CONFIRM_SEEN) {
            log.info("order.created for order {} ignored: stock already {}", order.orderId(), state.get());
            return state.get();
        }
        Map<UUID, Integer> wanted = new TreeMap<>();
        order.items().forEach(line -> wanted.merge(line.menuItemId(), line.quantity(), Integer::sum));
        Map<UUID, StockLevel> levels = inventory.lock(wanted.keySet());
        levels.values().removeIf(level -> !level.vendorId().equals(order.vendorId()));
        Map<UUID, Integer> tracked = new TreeMap<>();
        for (StockLevel level : levels.values()) {
            int quantity = wanted.get(level.menuItemId());
            if (level.available() < quantity) {
                log.warn("Not enough stock for order {}: item {} has {} available, {} ordered; nothing reserved",
                        order.orderId(), level.menuItemId(), level.available(), quantity);
                ledger.setState(order.orderId(), order.vendorId(), OrderStockState.REJECTED);
                return OrderStockState.REJECTED;
            }
            tracked.put(level.menuItemId(), quantity);
        }
        tracked.forEach((itemId, quantity) -> {
            if (!inventory.reserve(itemId, quantity)) {
                throw new IllegalStateException("Stock of " + itemId + " changed under a row lock");
            }
            StockLevel before = levels.get(itemId);
            alerts.changed(order.vendorId(), itemId, before.available(), before.available() - quantity,
                    before.lowStockThreshold());
        });
        OrderStockState result = OrderStockState.RESERVED;
        if (state.isPresent()) {
            tracked.forEach(inventory::commit);
            result = OrderStockState.COMMITTED;
        }
        ledger.setState(order.orderId(), order.vendorId(), result);
        ledger.saveLines(order.orderId(), tracked);
        return result;
    }

    @Transactional
    public OrderStockState onOrderConfirmed(UUID orderId, UUID vendorId) {
        ledger.lockOrder(orderId);
        Optional<OrderStockState> state = ledger.state(orderId);
        if (state.isEmpty()) {
            ledger.setState(orderId, vendorId, OrderStockState.CONFIRM_SEEN);
            return OrderStockState.CONFIRM_SEEN;
        }
        if (state.get() != OrderStockState.RESERVED) {
            return state.get();
        }
        ledger.lines(orderId).forEach(inventory::commit);
        ledger.setState(orderId, vendorId, OrderStockState.COMMITTED);
        return OrderStockState.COMMITTED;
    }

    @Transactional
    public OrderStockState onOrderCancelled(OrderCancelled cancelled) {
        UUID orderId = cancelled.orderId();
        ledger.lockOrder(orderId);
        OrderStockState state = ledger.state(orderId).orElse(null);
        if (state == OrderStockState.RESERVED || state == OrderStockState.COMMITTED) {
            boolean committed = state == OrderStockState.COMMITTED;
            Map<UUID, Integer> lines = ledger.lines(orderId);
            Map<UUID, StockLevel> levels = inventory.lock(lines.keySet());
            lines.forEach((itemId, quantity) -> {
                StockLevel before = levels.get(itemId);
                if (before != null) {
                    inventory.release(itemId, quantity, committed);
                    alerts.changed(cancelled.vendorId(), itemId, before.available(), before.available() + quantity,
                            before.lowStockThreshold());
                }
            });
            ledger.setState(orderId, cancelled.vendorId(), OrderStockState.RELEASED);
            return OrderStockState.RELEASED;
        }
        if (state == null || state == OrderStockState.CONFIRM_SEEN || state == OrderStockState.REJECTED) {
            // nothing held (yet): remember the cancel so a late order.created holds nothing either
            ledger.setState(orderId, cancelled.vendorId(), OrderStockState.CANCELLED);
            return OrderStockState.CANCELLED;
        }
        return state;
    }
}
