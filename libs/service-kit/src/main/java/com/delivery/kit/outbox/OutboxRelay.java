package com.delivery.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in insertion order, keyed by aggregate id. One relay at a time per database (an
 * advisory lock), so per-aggregate order holds across instances. While Kafka is down the rows wait and the relay
 * backs off; they go out, in order, once it is back. Delivery is at least once: consumers dedupe by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x0B0C_5E1AL;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final Duration pollInterval;
    private final int batchSize;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
            Duration pollInterval, int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /** Called after a commit that wrote events, so they leave without waiting for the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Publishes what is pending now; returns how many rows went out. */
    public int publishPending() {
        BatchResult result = tx.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return new BatchResult(0, null);
            }
            List<PendingEvent> batch = jdbc.query(
                    "SELECT id, topic, aggregate_id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?",
                    (rs, i) -> new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    batchSize);
            return sendInOrder(batch);
        });
        if (result == null) {
            return 0;
        }
        if (result.failure() != null) {
            throw new OutboxPublishException(result.failure());
        }
        return result.published();
    }

    /** Sends the batch and marks the prefix that Kafka acknowledged; the rest stays pending, still in order. */
    private BatchResult sendInOrder(List<PendingEvent> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        Exception failure = null;
        try {
            for (PendingEvent event : batch) {
                sends.add(kafka.send(event.topic(), event.aggregateId(), event.payload()));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < sends.size() && failure == null; i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                sent.add(batch.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (Exception e) {
                failure = e;
            }
        }
        markPublished(sent);
        if (failure != null) {
            log.warn("Outbox relay stopped after {} of {} events: {}", sent.size(), batch.size(), failure.toString());
        }
        return new BatchResult(sent.size(), failure);
    }

    private void markPublished(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE outbox SET published_at = now() WHERE id = ANY (?)",
                    (Object) ids.toArray(Long[]::new));
        }
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int published = publishPending();
                backoff = pollInterval;
                if (published >= batchSize) {
                    continue;
                }
            } catch (RuntimeException e) {
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
            }
            try {
                wakeUps.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start after the Kafka producer and listeners, stop before them
        return Integer.MAX_VALUE - 1000;
    }

    private record BatchResult(int published, Exception failure) {
    }

    private record PendingEvent(long id, String topic, String aggregateId, String payload) {
    }

    static final class OutboxPublishException extends RuntimeException {
        OutboxPublishException(Throwable cause) {
            super("Publishing outbox events failed", cause);
        }
    }
}
