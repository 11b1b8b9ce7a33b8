package com.delivery.notification.support;

import com.delivery.events.Address;
import com.delivery.events.DriverOffer;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.GeoPoint;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.UserRegistered;
import com.delivery.events.UserUpdated;
import com.delivery.events.VendorRegistered;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Named events for tests: Ada's pizza order from Luigi's, and the people involved. */
public final class Events {

    public static final String VENDOR_NAME = "Luigi's Pizzeria";
    public static final GeoPoint LUIGIS = new GeoPoint(52.5303, 13.4035);
    public static final Address TORSTRASSE = new Address("Torstraße 49", "Berlin", "10119", 52.5291, 13.4013);

    private Events() {
    }

    public static <P extends EventPayload> EventEnvelope<P> event(P payload, String producer) {
        return EventEnvelope.of(payload, producer, null);
    }

    public static EventEnvelope<UserRegistered> registered(UUID userId, String email, String phone, String name,
            String role, String locale) {
        return event(new UserRegistered(userId, email, phone, name, role, locale), "user");
    }

    /** Contact details arriving without a registration (no welcome email), e.g. for a user known from before. */
    public static EventEnvelope<UserUpdated> contact(UUID userId, String email, String phone, String name, String role,
            String locale) {
        return event(new UserUpdated(userId, email, phone, name, role, locale), "user");
    }

    public static EventEnvelope<VendorRegistered> vendorRegistered(UUID vendorId, UUID ownerId) {
        return event(new VendorRegistered(vendorId, ownerId, VENDOR_NAME, "FOOD"), "vendor");
    }

    /** 2 × Pizza Margherita at 9.50 and 1 × Tiramisu at 5.50, delivery 2.99, tip 2.00: 29.49 EUR. */
    public static EventEnvelope<OrderCreated> pizzaOrder(UUID customerId, UUID vendorId) {
        return event(new OrderCreated(UUID.randomUUID(), customerId, vendorId, VENDOR_NAME, "FOOD",
                List.of(new OrderCreated.OrderLine(UUID.randomUUID(), "Pizza Margherita", 2, 950, 1900),
                        new OrderCreated.OrderLine(UUID.randomUUID(), "Tiramisu", 1, 550, 550)),
                2450, 299, 245, 200, 0, 2949, "EUR", TORSTRASSE, LUIGIS, 15), "order");
    }

    public static EventEnvelope<OrderDelivered> delivered(OrderCreated order, UUID driverId) {
        return event(new OrderDelivered(order.orderId(), order.customerId(), order.vendorId(), driverId,
                order.subtotalMinor(), order.deliveryFeeMinor(), order.platformFeeMinor(), order.tipMinor(),
                order.taxMinor(), order.totalMinor(), order.currency(), 1850), "order");
    }

    public static EventEnvelope<OrderCancelled> rejectedByVendor(OrderCreated order) {
        return event(new OrderCancelled(order.orderId(), order.customerId(), order.vendorId(), null,
                OrderCancelled.VENDOR_REJECTED, "VENDOR", "PLACED",
                List.of(new OrderCancelled.ItemQuantity(order.items().getFirst().menuItemId(), 2))), "order");
    }

    /** The vendor could not hold the stock (inventory.rejected): nothing reserved, nothing charged. */
    public static EventEnvelope<OrderCancelled> outOfStock(OrderCreated order, String detail) {
        return event(new OrderCancelled(order.orderId(), order.customerId(), order.vendorId(), null,
                OrderCancelled.OUT_OF_STOCK, "SYSTEM", "PENDING_PAYMENT", List.of(), detail), "order");
    }

    /** The vendor did not answer the paid order in time. */
    public static EventEnvelope<OrderCancelled> vendorTimedOut(OrderCreated order) {
        return event(new OrderCancelled(order.orderId(), order.customerId(), order.vendorId(), null,
                OrderCancelled.VENDOR_TIMEOUT, "SYSTEM", "PLACED",
                List.of(new OrderCancelled.ItemQuantity(order.items().getFirst().menuItemId(), 2))), "order");
    }

    public static EventEnvelope<PaymentRefunded> refundedAfterCancel(OrderCreated order) {
        return event(new PaymentRefunded(UUID.randomUUID(), order.orderId(), order.customerId(), order.totalMinor(),
                order.currency(), "pi_3Refund" + order.orderId().toString().substring(0, 8), "ORDER_CANCELLED"),
                "payment");
    }

    public static EventEnvelope<DriverUnavailable> noDriver(OrderCreated order) {
        return event(new DriverUnavailable(order.orderId(), "NO_DRIVER_AVAILABLE", order.customerId(),
                order.vendorId(), null), "driver");
    }

    public static EventEnvelope<DriverOffer> offer(UUID driverId) {
        Instant now = Instant.now();
        return event(new DriverOffer(UUID.randomUUID(), driverId, now.plusSeconds(30), VENDOR_NAME, LUIGIS,
                TORSTRASSE.location()), "driver");
    }
}
