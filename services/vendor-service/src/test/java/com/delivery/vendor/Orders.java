package com.delivery.vendor;

import com.delivery.events.Address;
import com.delivery.events.GeoPoint;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Order events as the order service publishes them, for a customer in Torstraße ordering from a test vendor. */
public final class Orders {

    public static final Address TORSTRASSE = new Address("Torstraße 49", "Berlin", "10119", 52.5291, 13.4013);

    private Orders() {
    }

    public record Line(UUID menuItemId, String name, int quantity, long unitPriceMinor) {

        OrderCreated.OrderLine toEvent() {
            return new OrderCreated.OrderLine(menuItemId, name, quantity, unitPriceMinor, quantity * unitPriceMinor);
        }
    }

    public static Line line(UUID menuItemId, String name, int quantity, long unitPriceMinor) {
        return new Line(menuItemId, name, quantity, unitPriceMinor);
    }

    public static OrderCreated created(UUID orderId, UUID customerId, UUID vendorId, Line... lines) {
        List<OrderCreated.OrderLine> items = Arrays.stream(lines).map(Line::toEvent).toList();
        long subtotal = items.stream().mapToLong(OrderCreated.OrderLine::lineTotalMinor).sum();
        return new OrderCreated(orderId, customerId, vendorId, "Luigi's Pizzeria", "FOOD", items, subtotal, 299,
                Math.round(subtotal * 0.1), 0, 0, subtotal + 299, "EUR", TORSTRASSE,
                new GeoPoint(Vendors.MITTE_LAT, Vendors.MITTE_LNG), 15);
    }

    public static OrderConfirmed confirmed(UUID orderId, UUID customerId, UUID vendorId) {
        return new OrderConfirmed(orderId, customerId, vendorId, null, "Luigi's Pizzeria",
                new GeoPoint(Vendors.MITTE_LAT, Vendors.MITTE_LNG), TORSTRASSE, Instant.now().plusSeconds(900));
    }

    public static OrderCancelled cancelled(UUID orderId, UUID customerId, UUID vendorId, Line... lines) {
        return new OrderCancelled(orderId, customerId, vendorId, null, "CUSTOMER_REQUEST", "CUSTOMER",
                "PENDING_PAYMENT", Arrays.stream(lines)
                        .map(l -> new OrderCancelled.ItemQuantity(l.menuItemId(), l.quantity())).toList());
    }

    public static OrderDelivered delivered(UUID orderId, UUID customerId, UUID vendorId, long subtotalMinor) {
        return new OrderDelivered(orderId, customerId, vendorId, UUID.randomUUID(), subtotalMinor, 299,
                Math.round(subtotalMinor * 0.1), 0, 0, subtotalMinor + 299, "EUR", 1200);
    }
}
