package com.delivery.notification.infra;

import com.delivery.events.EventCodec;
import com.delivery.events.EventCodecException;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.Topics;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.notification.app.EventNotifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every topic this service reacts to, in one consumer: each event is applied once (processed_events) in the same
 * transaction as the messages it records. An unreadable event, or one on the wrong topic, goes to the topic's DLT.
 */
@Component
class NotificationEventListener {

    private final IdempotentEventHandler once;
    private final EventNotifications notifications;

    NotificationEventListener(IdempotentEventHandler once, EventNotifications notifications) {
        this.once = once;
        this.notifications = notifications;
    }

    @KafkaListener(topics = {Topics.USER_REGISTERED, Topics.USER_UPDATED, Topics.VENDOR_REGISTERED,
            Topics.ORDER_CREATED, Topics.ORDER_CONFIRMED, Topics.ORDER_READY_FOR_PICKUP, Topics.ORDER_PICKED_UP,
            Topics.ORDER_DELIVERED, Topics.ORDER_CANCELLED, Topics.PAYMENT_FAILED, Topics.PAYMENT_REFUNDED, Topics.PAYOUT_PAID,
            Topics.DRIVER_OFFER, Topics.DRIVER_ASSIGNED, Topics.DRIVER_UNAVAILABLE, Topics.INVENTORY_LOW_STOCK, Topics.INVENTORY_OUT_OF_STOCK})
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<EventPayload> event = EventCodec.decode(record.value());
        if (!event.type().equals(record.topic())) {
            throw new EventCodecException("A " + event.type() + " event " + event.eventId() + " arrived on topic "
                    + record.topic());
        }
        once.handleOnce(event, payload -> notifications.on(event));
    }
}
