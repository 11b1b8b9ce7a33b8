package com.delivery.order.infra;

import com.delivery.order.app.OrderQueries;
import com.delivery.order.app.OrderStatusChanged;
import com.delivery.order.domain.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Business metrics for dashboards and alerts: {@code orders_placed_total} (not "created": Prometheus reserves the _created suffix) and {@code orders_active{status}}.
 * The active counts come from the database (true across instances), read at most every few seconds.
 */
@Component
class OrderMetrics implements MeterBinder {

    private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);

    private final OrderQueries queries;
    private final Clock clock;
    private Counter created;
    private Map<String, Long> snapshot = Map.of();
    private Instant snapshotAt = Instant.EPOCH;

    OrderMetrics(OrderQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        created = Counter.builder("orders.placed").description("Orders placed").register(registry);
        for (OrderStatus status : OrderStatus.ACTIVE) {
            Gauge.builder("orders.active", this, metrics -> metrics.active(status.name()))
                    .description("Orders in an active status").tag("status", status.name()).register(registry);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OrderStatusChanged change) {
        if (change.previousStatus() == null && created != null) {
            created.increment();
        }
    }

    private synchronized double active(String status) {
        Instant now = clock.instant();
        if (now.isAfter(snapshotAt.plus(SNAPSHOT_AGE))) {
            snapshot = queries.stats().activeByStatus();
            snapshotAt = now;
        }
        return snapshot.getOrDefault(status, 0L);
    }
}
