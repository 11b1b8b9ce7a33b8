package com.delivery.payment.support;

import com.delivery.events.Address;
import com.delivery.events.GeoPoint;
import com.delivery.events.InventoryReserved;
import com.delivery.events.InventoryReserved.HeldItem;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderCreated.OrderLine;
import com.delivery.events.OrderDelivered;
import java.util.List;
import java.util.UUID;

/** Orders as the order service announces them. */
public final class Orders {

    private Orders() {
    }

    /**
     * Ada's pizza order of the event catalogue: 2 × 9.50 + 5.50 = 24.50, delivery 2.99, tip 2.00, no tax,
     * platform fee 10% = 2.45; the customer pays 29.49 and the vendor's share is 22.05.
     */
    public static OrderCreated pizzaOrder(UUID customerId, UUID vendorId) {
        return new OrderCreated(UUID.randomUUID(), customerId, vendorId, "Luigi's Pizzeria", "FOOD",
                List.of(new OrderLine(UUID.randomUUID(), "Pizza Margherita", 2, 950, 1900),
                        new OrderLine(UUID.randomUUID(), "Tiramisu", 1, 550, 550)),
                2450, 299, 245, 200, 0, 2949, "EUR", address(), new GeoPoint(52.5303, 13.4035), 15);
    }

    /** One line of {@code subtotalMinor}, no delivery fee or tip, platform fee 10% half-even. */
    public static OrderCreated singleItemOrder(UUID customerId, UUID vendorId, long subtotalMinor, String currency) {
        long fee = Math.round(subtotalMinor * 0.10);
        return new OrderCreated(UUID.randomUUID(), customerId, vendorId, "Corner Shop", "GROCERY",
                List.of(new OrderLine(UUID.randomUUID(), "Basket", 1, subtotalMinor, subtotalMinor)),
                subtotalMinor, 0, fee, 0, 0, subtotalMinor, currency, address(), new GeoPoint(52.52, 13.40), 5);
    }

    /** The vendor's {@code inventory.reserved} for the order: every line held. */
    public static InventoryReserved stockHeld(OrderCreated order) {
        return new InventoryReserved(order.orderId(), order.customerId(), order.vendorId(), order.items().stream()
                .map(line -> new HeldItem(line.menuItemId(), line.quantity())).toList());
    }

    /** The order service's cancel after the vendor's {@code inventory.rejected}: nothing was reserved. */
    public static OrderCancelled outOfStock(OrderCreated order) {
        OrderLine line = order.items().getLast();
        return new OrderCancelled(order.orderId(), order.customerId(), order.vendorId(), null,
                OrderCancelled.OUT_OF_STOCK, "SYSTEM", "PENDING_PAYMENT", List.of(),
                line.name() + ": " + line.quantity() + " ordered, 0 left");
    }

    public static OrderCancelled cancelled(OrderCreated order, String previousStatus) {
        return new OrderCancelled(order.orderId(), order.customerId(), order.vendorId(), null, "CUSTOMER_REQUEST",
                "CUSTOMER", previousStatus, List.of(new OrderCancelled.ItemQuantity(
                        order.items().getFirst().menuItemId(), order.items().getFirst().quantity())));
    }

    public static OrderDelivered delivered(OrderCreated order) {
        return new OrderDelivered(order.orderId(), order.customerId(), order.vendorId(), UUID.randomUUID(),
                order.subtotalMinor(), order.deliveryFeeMinor(), order.platformFeeMinor(), order.tipMinor(),
                order.taxMinor(), order.totalMinor(), order.currency(), 1850);
    }

    private static Address address() {
        return new Address("Torstraße 49", "Berlin", "10119", 52.5291, 13.4013);
    }
}
