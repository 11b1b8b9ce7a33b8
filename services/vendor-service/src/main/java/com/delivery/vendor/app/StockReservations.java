package com.delivery.vendor.app;

import com.delivery.events.InventoryRejected;
import com.delivery.events.InventoryReserved;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.vendor.domain.Inventory;
import com.delivery.vendor.domain.OrderStockLedger;
import com.delivery.vendor.domain.OrderStockState;
import com.delivery.vendor.domain.StockDecision;
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
 * Stock through an order's life, driven by its events: reserve on {@code order.created} (all lines or none) and
 * answer with {@code inventory.reserved} or {@code inventory.rejected}, commit (reserved → sold) on
 * {@code order.confirmed}, put back on {@code order.cancelled}. Each order's events are serialised and its state
 * recorded, so duplicates and any order of arrival (a cancel before the order) leave stock right. The events carry
 * the correlation id of the event being handled ({@link OutboxWriter} takes it from the handler's context).
 */
@Service
public class StockReservations {

    private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

    private final Inventory inventory;
    private final OrderStockLedger ledger;
    private final StockAlerts alerts;
    private final OutboxWriter outbox;

    StockReservations(Inventory inventory, OrderStockLedger ledger, StockAlerts alerts, OutboxWriter outbox) {
        this.inventory = inventory;
        this.ledger = ledger;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    /**
     * Holds every tracked line of a new order or none, and says which through the outbox in the same transaction:
     * {@code inventory.reserved} with the units held, or {@code inventory.rejected} naming every short line. An order
     * whose stock state exists already (a duplicate, or cancelled first) changes nothing and says nothing again.
     * Returns the order's stock state afterwards.
     */
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
        StockDecision decision = StockDecision.decide(order.vendorId(), wanted, levels);
        if (decision instanceof StockDecision.Reject reject) {
            return reject(order, reject);
        }
        Map<UUID, Integer> held = ((StockDecision.Hold) decision).lines();
        held.forEach((itemId, quantity) -> {
            if (!inventory.reserve(itemId, quantity)) {
                throw new IllegalStateException("Stock of " + itemId + " changed under a row lock");
            }
            StockLevel before = levels.get(itemId);
            alerts.changed(order.vendorId(), itemId, before.available(), before.available() - quantity,
                    before.lowStockThreshold());
        });
        OrderStockState result = OrderStockState.RESERVED;
        if (state.isPresent()) {
            held.forEach(inventory::commit);
            result = OrderStockState.COMMITTED;
        }
        ledger.setState(order.orderId(), order.vendorId(), result);
        ledger.saveLines(order.orderId(), held);
        outbox.append(new InventoryReserved(order.orderId(), order.customerId(), order.vendorId(),
                held.entrySet().stream()
                        .map(line -> new InventoryReserved.HeldItem(line.getKey(), line.getValue()))
                        .toList()));
        return result;
    }

    private OrderStockState reject(OrderCreated order, StockDecision.Reject reject) {
        log.warn("Not enough stock for order {}, nothing reserved: {}", order.orderId(), reject.shortages());
        ledger.setState(order.orderId(), order.vendorId(), OrderStockState.REJECTED);
        outbox.append(new InventoryRejected(order.orderId(), order.customerId(), order.vendorId(),
                InventoryRejected.OUT_OF_STOCK, reject.shortages().stream()
                        .map(s -> new InventoryRejected.Shortage(s.menuItemId(), s.requested(), s.available()))
                        .toList()));
        return OrderStockState.REJECTED;
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
                    // committed units come back from sold, held ones from reserved (never more than is there)
                    int back = Math.min(quantity, committed ? before.sold() : before.reserved());
                    inventory.release(itemId, quantity, committed);
                    alerts.changed(cancelled.vendorId(), itemId, before.available(), before.available() + back,
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
