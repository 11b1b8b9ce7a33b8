package com.delivery.vendor.infra;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.vendor.app.AnalyticsService;
import com.delivery.vendor.app.StockReservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The order events the vendor service acts on: stock (reserve, commit, release) and the analytics facts. Each event
 * runs once, in one transaction with its {@code processed_events} record.
 */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final IdempotentEventHandler handler;
    private final StockReservations stock;
    private final AnalyticsService analytics;

    OrderEventsListener(IdempotentEventHandler handler, StockReservations stock, AnalyticsService analytics) {
        this.handler = handler;
        this.stock = stock;
        this.analytics = analytics;
    }

    @KafkaListener(topics = Topics.ORDER_CREATED)
    void created(String json) {
        EventEnvelope<OrderCreated> event = EventCodec.decode(json, OrderCreated.class);
        logHandling(event);
        handler.handleOnce(event, order -> {
            stock.onOrderCreated(order);
            analytics.orderCreated(order, event.occurredAt());
        });
    }

    @KafkaListener(topics = Topics.ORDER_CONFIRMED)
    void confirmed(String json) {
        EventEnvelope<OrderConfirmed> event = EventCodec.decode(json, OrderConfirmed.class);
        logHandling(event);
        handler.handleOnce(event, order -> stock.onOrderConfirmed(order.orderId(), order.vendorId()));
    }

    @KafkaListener(topics = Topics.ORDER_CANCELLED)
    void cancelled(String json) {
        EventEnvelope<OrderCancelled> event = EventCodec.decode(json, OrderCancelled.class);
        logHandling(event);
        handler.handleOnce(event, order -> {
            stock.onOrderCancelled(order);
            analytics.orderCancelled(order, event.occurredAt());
        });
    }

    @KafkaListener(topics = Topics.ORDER_DELIVERED)
    void delivered(String json) {
        EventEnvelope<OrderDelivered> event = EventCodec.decode(json, OrderDelivered.class);
        logHandling(event);
        handler.handleOnce(event, order -> analytics.orderDelivered(order, event.occurredAt()));
    }

    private static void logHandling(EventEnvelope<?> event) {
        log.info("Handling {} eventId={} aggregateId={} correlationId={}", event.type(), event.eventId(),
                event.aggregateId(), event.correlationId());
    }
}
