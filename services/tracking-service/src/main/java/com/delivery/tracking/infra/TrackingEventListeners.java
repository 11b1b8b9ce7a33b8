package com.delivery.tracking.infra;

import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderPickedUp;
import com.delivery.events.Topics;
import com.delivery.events.VendorRegistered;
import com.delivery.tracking.app.TripRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order, driver and vendor events into the trip registry, through one consumer for all six topics. Without a
 * relational database there is no {@code processed_events} table: each reaction is an idempotent upsert keyed by
 * order (or vendor) id, ordered by the event's own time where order matters, so a redelivered or late event is
 * simply applied again. A failure is retried with backoff, then the event goes to {@code <topic>.DLT} (the kit's
 * error handler); an unreadable event goes there at once.
 */
@Component
class TrackingEventListeners {

    private static final Logger log = LoggerFactory.getLogger(TrackingEventListeners.class);

    private final TripRegistry registry;

    TrackingEventListeners(TripRegistry registry) {
        this.registry = registry;
    }

    @KafkaListener(topics = {Topics.DRIVER_ASSIGNED, Topics.ORDER_PICKED_UP, Topics.ORDER_DELIVERED,
            Topics.ORDER_CANCELLED, Topics.DRIVER_UNAVAILABLE, Topics.VENDOR_REGISTERED})
    void on(String json) {
        EventEnvelope<EventPayload> event = EventCodec.decode(json);
        log.info("Handling event eventId={} type={} aggregateId={} correlationId={}", event.eventId(), event.type(),
                event.aggregateId(), event.correlationId());
        Instant at = event.occurredAt();
        switch (event.payload()) {
            case DriverAssigned assigned -> registry.driverAssigned(assigned, at);
            case OrderPickedUp pickedUp -> registry.pickedUp(pickedUp, at);
            case OrderDelivered delivered -> registry.delivered(delivered, at);
            case OrderCancelled cancelled -> registry.cancelled(cancelled, at);
            case DriverUnavailable unavailable -> registry.driverUnavailable(unavailable, at);
            case VendorRegistered vendor -> registry.vendorRegistered(vendor);
            default -> log.debug("Ignoring {} event {}", event.type(), event.eventId());
        }
    }
}
