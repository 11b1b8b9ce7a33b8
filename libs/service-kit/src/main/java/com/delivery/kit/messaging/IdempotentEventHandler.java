package com.delivery.kit.messaging;

import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.kit.web.CorrelationId;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a consumer's effect at most once per event: the event id is recorded in {@code processed_events} in the
 * same transaction as the effect, so a redelivered event (or one delivered twice by an at-least-once producer) is
 * a no-op, and a failed effect leaves no record so the retry runs it again.
 */
public class IdempotentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventHandler.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String consumer;

    public IdempotentEventHandler(JdbcTemplate jdbc, TransactionTemplate tx, String consumer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.consumer = consumer;
    }

    /** Returns true when the effect ran, false when the event had been handled before. */
    public <P extends EventPayload> boolean handleOnce(EventEnvelope<P> event, Consumer<P> effect) {
        CorrelationId.set(event.correlationId());
        try {
            Boolean ran = tx.execute(status -> {
                int inserted = jdbc.update("INSERT INTO processed_events (consumer, event_id) VALUES (?, ?) "
                        + "ON CONFLICT DO NOTHING", consumer, event.eventId());
                if (inserted == 0) {
                    log.info("Skipping duplicate event {} {} eventId={}", event.type(), event.aggregateId(), event.eventId());
                    return false;
                }
                effect.accept(event.payload());
                return true;
            });
            return Boolean.TRUE.equals(ran);
        } finally {
            CorrelationId.clear();
        }
    }
}
