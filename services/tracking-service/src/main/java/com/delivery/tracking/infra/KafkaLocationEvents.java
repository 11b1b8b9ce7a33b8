package com.delivery.tracking.infra;

import com.delivery.events.DriverLocationUpdated;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.kit.resilience.WarningThrottle;
import com.delivery.tracking.app.LocationEvents;
import com.delivery.tracking.domain.LocationFix;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code driver.location_updated} straight to Kafka, not through an outbox. It is throttled telemetry, not a
 * state change: tracking has no relational database for an outbox table, a fix is superseded by the next one a few
 * seconds later, and the driver service only needs the latest. The idempotent producer with {@code acks=all}
 * still applies; a send that fails is logged and dropped.
 * <p>
 * Reports arrive on socket and request threads, which must never wait for Kafka: a send blocks for up to
 * {@code max.block.ms} while the broker is away (no metadata, full buffer), and on the socket gateway's worker
 * thread that would hold up every connection it serves. So {@link #publish} only hands the event to a sender
 * thread of its own, through a {@link LatestByKey} holding at most one event per driver (a newer fix replaces the
 * waiting one) and {@link #MAX_WAITING} drivers. What never reaches Kafka counts in
 * {@code tracking_location_events_dropped_total{reason}}: {@code superseded}, {@code queue-full}, {@code send-failed}.
 */
@Component
class KafkaLocationEvents implements LocationEvents, SmartLifecycle {

    static final String PRODUCER = "tracking";
    static final int MAX_WAITING = 10_000;
    private static final Logger log = LoggerFactory.getLogger(KafkaLocationEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LatestByKey<UUID, EventEnvelope<DriverLocationUpdated>> waiting = new LatestByKey<>(MAX_WAITING);
    private final WarningThrottle warnings = new WarningThrottle(Duration.ofSeconds(10));
    private volatile Thread sender;

    KafkaLocationEvents(KafkaTemplate<String, String> kafka, Clock clock, MeterRegistry meters) {
        this.kafka = kafka;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void publish(LocationFix fix) {
        EventEnvelope<DriverLocationUpdated> event = EventEnvelope.of(new DriverLocationUpdated(fix.driverId(),
                fix.orderId(), fix.lat(), fix.lng(), fix.heading(), fix.speed(), fix.recordedAt()), PRODUCER, null,
                clock.instant());
        switch (waiting.offer(fix.driverId(), event)) {
            case QUEUED -> { }
            case REPLACED_OLDER -> dropped("superseded", null);
            case REFUSED_FULL -> dropped("queue-full", null);
        }
    }

    private void sendWhileRunning() {
        while (sender == Thread.currentThread()) {
            try {
                EventEnvelope<DriverLocationUpdated> event = waiting.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    send(event);
                }
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private void send(EventEnvelope<DriverLocationUpdated> event) {
        try {
            kafka.send(Topics.DRIVER_LOCATION_UPDATED, event.aggregateId(), EventCodec.encode(event))
                    .whenComplete((result, e) -> {
                        if (e != null) {
                            dropped("send-failed", e);
                        }
                    });
        } catch (RuntimeException e) {
            dropped("send-failed", e);
        }
    }

    private void dropped(String reason, Throwable failure) {
        meters.counter("tracking.location_events.dropped", "reason", reason).increment();
        if (failure == null && !reason.equals("queue-full")) {
            return; // superseded is the design working: the newer fix goes instead
        }
        OptionalLong occurrences = warnings.occurred(clock.millis());
        if (occurrences.isPresent()) {
            log.warn("driver.location_updated not sent ({}): {} event(s) since the last such line; {} waiting. Last: {}",
                    reason, occurrences.getAsLong(), waiting.size(), failure == null ? "-" : failure.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (sender == null) {
            Thread thread = Thread.ofPlatform().daemon().name("location-events-sender").unstarted(this::sendWhileRunning);
            sender = thread;
            thread.start();
        }
    }

    /** Events still waiting are dropped: telemetry, superseded by the driver's next fix on whichever instance. */
    @Override
    public synchronized void stop() {
        Thread running = sender;
        sender = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
