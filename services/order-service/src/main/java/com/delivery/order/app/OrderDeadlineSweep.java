package com.delivery.order.app;

import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderDeadlines;
import com.delivery.order.domain.Orders;
import com.delivery.order.domain.StatusChange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders that missed a deadline ({@link OrderDeadlines}): unpaid past the payment window, or placed and
 * never answered by the vendor. Each order in its own transaction; when a person or an event changes the order at
 * the same moment, optimistic locking lets exactly one of them win and the sweep looks again next time. Several
 * instances may sweep at once for the same reason.
 */
@Service
public class OrderDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(OrderDeadlineSweep.class);

    private final Orders orders;
    private final OrderChanges changes;
    private final OrderDeadlines deadlines;
    private final int batch;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderDeadlineSweep(Orders orders, OrderChanges changes, OrderProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.deadlines = new OrderDeadlines(properties.deadlines().paymentWindow(),
                properties.deadlines().vendorResponse());
        this.batch = properties.deadlines().sweepBatch();
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${order.deadlines.sweep-interval:15s}",
            initialDelayString = "${order.deadlines.sweep-interval:15s}")
    void sweepNow() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next sweep tries again
            log.warn("Deadline sweep failed: {}", e.toString());
        }
    }

    /** Cancels what is overdue at {@code now}; returns how many orders it cancelled. */
    public int sweep(Instant now) {
        List<UUID> candidates = orders.overdueCandidates(now.minus(deadlines.paymentWindow()),
                now.minus(deadlines.vendorResponse()), batch);
        int cancelled = 0;
        for (UUID id : candidates) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> expire(id, now)))) {
                    cancelled++;
                }
            } catch (OptimisticLockingFailureException e) {
                log.info("Order {} changed while its deadline was checked; looking again next sweep", id);
            }
        }
        return cancelled;
    }

    private boolean expire(UUID id, Instant now) {
        Order order = orders.findById(id).orElse(null);
        if (order == null) {
            return false;
        }
        StatusChange change = order.expireIfOverdue(deadlines, now);
        if (change == null) {
            return false;
        }
        Order saved = orders.saveAndFlush(order);
        changes.moved(saved, change);
        log.info("Order cancelled for a missed deadline orderId={} from={} reason={}", id, change.from(),
                saved.cancelReason());
        return true;
    }
}
