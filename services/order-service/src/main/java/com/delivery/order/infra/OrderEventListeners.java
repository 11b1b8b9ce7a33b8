package com.delivery.order.infra;

import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.InventoryRejected;
import com.delivery.events.InventoryReserved;
import com.delivery.events.OrderEvent;
import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentFailed;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.Topics;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.order.app.OrderEventReactions;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Inventory, payment and driver events, each applied once per event id (recorded in {@code processed_events} in the same
 * transaction as its effect). A failure is retried with backoff, then the event goes to {@code <topic>.DLT}.
 */
@Component
class OrderEventListeners {

    private static final Logger log = LoggerFactory.getLogger(OrderEventListeners.class);

    private final IdempotentEventHandler once;
    private final OrderEventReactions reactions;

    OrderEventListeners(IdempotentEventHandler once, OrderEventReactions reactions) {
        this.once = once;
        this.reactions = reactions;
    }

    private <P extends OrderEvent> void handle(EventEnvelope<P> event, Consumer<P> effect) {
        boolean applied = once.handleOnce(event, effect);
        log.info("Handled {} eventId={} orderId={} correlationId={} firstDelivery={}", event.type(), event.eventId(),
                event.aggregateId(), event.correlationId(), applied);
    }

    @KafkaListener(topics = Topics.INVENTORY_RESERVED)
    void stockHeld(String json) {
        handle(EventCodec.decode(json, InventoryReserved.class), reactions::stockHeld);
    }

    @KafkaListener(topics = Topics.INVENTORY_REJECTED)
    void stockRejected(String json) {
        handle(EventCodec.decode(json, InventoryRejected.class), reactions::stockRejected);
    }

    @KafkaListener(topics = Topics.PAYMENT_COMPLETED)
    void paymentCompleted(String json) {
        handle(EventCodec.decode(json, PaymentCompleted.class), reactions::paymentCompleted);
    }

    @KafkaListener(topics = Topics.PAYMENT_FAILED)
    void paymentFailed(String json) {
        handle(EventCodec.decode(json, PaymentFailed.class), reactions::paymentFailed);
    }

    @KafkaListener(topics = Topics.PAYMENT_REFUNDED)
    void paymentRefunded(String json) {
        handle(EventCodec.decode(json, PaymentRefunded.class), reactions::paymentRefunded);
    }

    @KafkaListener(topics = Topics.DRIVER_ASSIGNED)
    void driverAssigned(String json) {
        handle(EventCodec.decode(json, DriverAssigned.class), reactions::driverAssigned);
    }

    @KafkaListener(topics = Topics.DRIVER_UNAVAILABLE)
    void driverUnavailable(String json) {
        handle(EventCodec.decode(json, DriverUnavailable.class), reactions::driverUnavailable);
    }
}
