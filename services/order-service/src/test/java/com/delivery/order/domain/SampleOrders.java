package com.delivery.order.domain;

import com.delivery.kit.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Named orders and the people around them, for domain tests. */
final class SampleOrders {

    static final Instant NOW = Instant.parse("2026-03-14T18:42:07Z");

    final UUID customerId = UUID.randomUUID();
    final UUID vendorOwnerId = UUID.randomUUID();
    final UUID driverId = UUID.randomUUID();
    final Actor customer = Actor.user(customerId, Set.of(Role.CUSTOMER));
    final Actor vendor = Actor.user(vendorOwnerId, Set.of(Role.VENDOR));
    final Actor driver = Actor.user(driverId, Set.of(Role.DRIVER));
    final Actor admin = Actor.user(UUID.randomUUID(), Set.of(Role.ADMIN));
    final Actor stranger = Actor.user(UUID.randomUUID(), Set.of(Role.CUSTOMER));
    final UUID pizza = UUID.randomUUID();
    final UUID tiramisu = UUID.randomUUID();

    /** Ada's pizza order at Luigi's: 2 × 9.50 + 1 × 5.50, delivery 2.99, tip 2.00, waiting for payment. */
    Order pizzaOrder() {
        List<OrderItem> items = List.of(
                new OrderItem(1, pizza, "Pizza Margherita", 2, 950, 1900, false, null, List.of()),
                new OrderItem(2, tiramisu, "Tiramisu", 1, 550, 550, false, null, List.of()));
        Totals totals = Totals.of(List.of(1900L, 550L), 299, 200, BigDecimal.TEN, BigDecimal.ZERO);
        return Order.place(new Checkout(UUID.randomUUID(), customerId, UUID.randomUUID(), vendorOwnerId,
                "Luigi's Pizzeria", "FOOD", "berlin-mitte", "EUR", items, totals,
                new DeliveryAddress("Torstraße 49", "Berlin", "10119", 52.5291, 13.4013), new Location(52.5303, 13.4035),
                15, 27, null, null, null, null, null), NOW);
    }

    /** The pizza order walked along the happy path to {@code status} (a driver is assigned from CONFIRMED on). */
    Order pizzaOrderIn(OrderStatus status) {
        Order order = pizzaOrder();
        if (status == OrderStatus.PENDING_PAYMENT) {
            return order;
        }
        if (status == OrderStatus.CANCELLED) {
            order.cancel(customer, "changed my mind", NOW);
            return order;
        }
        order.stockHeld(NOW);
        order.paymentCompleted("pi_1", NOW);
        for (OrderStatus next : List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY_FOR_PICKUP,
                OrderStatus.PICKED_UP, OrderStatus.DELIVERED)) {
            if (order.status() == status) {
                return order;
            }
            Actor by = next == OrderStatus.PICKED_UP || next == OrderStatus.DELIVERED ? driver : vendor;
            order.moveTo(next, by, null, NOW);
            if (next == OrderStatus.CONFIRMED) {
                order.assignDriver(driverId, "Tom Becker", "BICYCLE", NOW);
            }
        }
        return order;
    }

    Actor as(Party party) {
        return switch (party) {
            case CUSTOMER -> customer;
            case VENDOR -> vendor;
            case DRIVER -> driver;
            case ADMIN -> admin;
            case SYSTEM -> Actor.theSystem();
        };
    }
}
