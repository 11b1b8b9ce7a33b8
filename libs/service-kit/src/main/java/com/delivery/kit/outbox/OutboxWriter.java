package com.delivery.kit.outbox;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.kit.web.CorrelationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the same transaction as the state change that caused it; the relay publishes it after the
 * commit. An event is never published for a change that rolled back, and never lost for one that committed.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final String producer;
    private final OutboxRelay relay;

    public OutboxWriter(JdbcTemplate jdbc, String producer, OutboxRelay relay) {
        this.jdbc = jdbc;
        // events name the producing service as the architecture does ("order"), not the process ("order-service")
        this.producer = producer.replaceFirst("-service$", "");
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <P extends EventPayload> EventEnvelope<P> append(P payload) {
        EventEnvelope<P> envelope = EventEnvelope.of(payload, producer, CorrelationId.current());
        jdbc.update("INSERT INTO outbox (event_id, topic, aggregate_id, payload) VALUES (?, ?, ?, ?)",
                envelope.eventId(), envelope.type(), envelope.aggregateId(), EventCodec.encode(envelope));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
        return envelope;
    }
}
