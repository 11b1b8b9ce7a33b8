package com.delivery.payment.infra;

import com.delivery.events.EventCodec;
import com.delivery.events.EventEnvelope;
import com.delivery.events.InventoryReserved;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.events.Topics;
import com.delivery.events.VendorRegistered;
import com.delivery.kit.messaging.IdempotentEventHandler;
import com.delivery.payment.app.CheckoutPayments;
import com.delivery.payment.app.VendorConnect;
import com.delivery.payment.app.VendorPayouts;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The order, inventory and vendor events payment acts on, each applied once per event id. */
@Component
class PlatformEventsListener {

    private final IdempotentEventHandler handler;
    private final CheckoutPayments checkout;
    private final VendorPayouts payouts;
    private final VendorConnect vendors;

    PlatformEventsListener(IdempotentEventHandler handler, CheckoutPayments checkout, VendorPayouts payouts,
            VendorConnect vendors) {
        this.handler = handler;
        this.checkout = checkout;
        this.payouts = payouts;
        this.vendors = vendors;
    }

    @KafkaListener(topics = Topics.ORDER_CREATED)
    void orderCreated(String json) {
        EventEnvelope<OrderCreated> event = EventCodec.decode(json, OrderCreated.class);
        handler.handleOnce(event, created -> checkout.open(created, event.correlationId()));
    }

    /** The vendor holds the order's stock: only now may the order's PaymentIntent be created. */
    @KafkaListener(topics = Topics.INVENTORY_RESERVED)
    void inventoryReserved(String json) {
        handler.handleOnce(EventCodec.decode(json, InventoryReserved.class), checkout::stockHeld);
    }

    @KafkaListener(topics = Topics.ORDER_CANCELLED)
    void orderCancelled(String json) {
        handler.handleOnce(EventCodec.decode(json, OrderCancelled.class), checkout::cancel);
    }

    @KafkaListener(topics = Topics.ORDER_DELIVERED)
    void orderDelivered(String json) {
        handler.handleOnce(EventCodec.decode(json, OrderDelivered.class), payouts::release);
    }

    @KafkaListener(topics = Topics.VENDOR_REGISTERED)
    void vendorRegistered(String json) {
        handler.handleOnce(EventCodec.decode(json, VendorRegistered.class), vendors::recordOwner);
    }
}
