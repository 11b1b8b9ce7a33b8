package com.delivery.driver.infra;

import com.delivery.driver.app.DeliveryService;
import com.delivery.driver.app.MatchingService;
import com.delivery.driver.app.PresenceService;
import com.delivery.events.DriverLocationUpdated;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderReadyForPickup;
import com.delivery.events.Topics;
import com.delivery.kit.messaging.IdempotentEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events, each applied once per event id (recorded in {@code processed_events} in the same transaction as
 * its effect), and driver locations from the tracking service. A failure is retried with backoff, then the event
 * goes to {@code <topic>.DLT}.
 *
 * <p>Locations are not recorded in {@code processed_events}: applying one twice changes nothing (an older fix never
 * moves a driver back), and a row per location update would be a heavy price for no gain.
 */
@Component
class DriverEventListeners {

    private static final Logger log = LoggerFactory.getLogger(DriverEventListeners.class);

    private final IdempotentEventHandler once;
    private final MatchingService matching;
    private final DeliveryService deliveries;
    private final PresenceService presence;

    DriverEventListeners(IdempotentEventHandler once, MatchingService matching, DeliveryService deliveries,
            PresenceService presence) {
        this.once = once;
        this.matching = matching;
        this.deliveries = deliveries;
        this.presence = presence;
    }

    @KafkaListener(topics = Topics.ORDER_CONFIRMED)
    void orderConfirmed(String json) {
        EventEnvelope<OrderConfirmed> event = received(EventCodec.decode(json, OrderConfirmed.class));
        once.handleOnce(event, payload -> matching.orderConfirmed(payload, event.correlationId()));
    }

    @KafkaListener(topics = Topics.ORDER_READY_FOR_PICKUP)
    void orderReadyForPickup(String json) {
        once.handleOnce(received(EventCodec.decode(json, OrderReadyForPickup.class)), matching::orderReadyForPickup);
    }

    @KafkaListener(topics = Topics.ORDER_CANCELLED)
    void orderCancelled(String json) {
        EventEnvelope<OrderCancelled> event = received(EventCodec.decode(json, OrderCancelled.class));
        once.handleOnce(event, payload -> matching.orderCancelled(payload, event.correlationId()));
    }

    @KafkaListener(topics = Topics.ORDER_DELIVERED)
    void orderDelivered(String json) {
        EventEnvelope<OrderDelivered> event = received(EventCodec.decode(json, OrderDelivered.class));
        once.handleOnce(event, payload -> deliveries.orderDelivered(event.eventId(), event.occurredAt(), payload));
    }

    @KafkaListener(topics = Topics.DRIVER_LOCATION_UPDATED)
    void driverLocationUpdated(String json) {
        EventEnvelope<DriverLocationUpdated> event = EventCodec.decode(json, DriverLocationUpdated.class);
        log.debug("Location of driver {}: {}", event.aggregateId(), presence.locationReported(event.payload()));
    }

    private static <P extends EventPayload> EventEnvelope<P> received(EventEnvelope<P> event) {
        log.info("Received {} aggregateId={} eventId={} correlationId={}", event.type(), event.aggregateId(),
                event.eventId(), event.correlationId());
        return event;
    }
}
