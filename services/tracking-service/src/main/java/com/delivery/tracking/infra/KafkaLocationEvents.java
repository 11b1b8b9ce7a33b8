package com.delivery.tracking.infra;

import com.delivery.events.DriverLocationUpdated;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.Topics;
import com.delivery.tracking.app.LocationEvents;
import com.delivery.tracking.domain.LocationFix;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code driver.location_updated} straight to Kafka, not through an outbox. It is throttled telemetry, not a
 * state change: tracking has no relational database for an outbox table, a fix is superseded by the next one a few
 * seconds later, and the driver service only needs the latest. The idempotent producer with {@code acks=all}
 * still applies; a send that fails is logged and dropped.
 */
@Component
class KafkaLocationEvents implements LocationEvents {

    static final String PRODUCER = "tracking";
    private static final Logger log = LoggerFactory.getLogger(KafkaLocationEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;

    KafkaLocationEvents(KafkaTemplate<String, String> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void publish(LocationFix fix) {
        EventEnvelope<DriverLocationUpdated> event = EventEnvelope.of(new DriverLocationUpdated(fix.driverId(),
                fix.orderId(), fix.lat(), fix.lng(), fix.heading(), fix.speed(), fix.recordedAt()), PRODUCER, null,
                clock.instant());
        try {
            kafka.send(Topics.DRIVER_LOCATION_UPDATED, event.aggregateId(), EventCodec.encode(event))
                    .whenComplete((result, e) -> {
                        if (e != null) {
                            log.warn("driver.location_updated not sent driverId={}: {}", fix.driverId(), e.toString());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("driver.location_updated not sent driverId={}: {}", fix.driverId(), e.toString());
        }
    }
}
