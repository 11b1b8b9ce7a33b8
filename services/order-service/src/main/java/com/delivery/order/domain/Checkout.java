package com.delivery.order.domain;

import java.util.List;
import java.util.UUID;

/** Everything a new order is made of, once the quote is checked and the totals are computed. */
public record Checkout(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID vendorOwnerId,
        String vendorName,
        String category,
        String zoneId,
        String currency,
        List<OrderItem> items,
        Totals totals,
        DeliveryAddress deliveryAddress,
        Location vendorLocation,
        int estimatedReadyMinutes,
        int estimatedDeliveryMinutes,
        String prescriptionReference,
        Substitution substitutionPreference,
        String note,
        String idempotencyKey,
        String requestHash,
        String vendorCity) {

    /** A checkout whose quote did not name the vendor's city. */
    public Checkout(UUID orderId, UUID customerId, UUID vendorId, UUID vendorOwnerId, String vendorName,
            String category, String zoneId, String currency, List<OrderItem> items, Totals totals,
            DeliveryAddress deliveryAddress, Location vendorLocation, int estimatedReadyMinutes,
            int estimatedDeliveryMinutes, String prescriptionReference, Substitution substitutionPreference,
            String note, String idempotencyKey, String requestHash) {
        this(orderId, customerId, vendorId, vendorOwnerId, vendorName, category, zoneId, currency, items, totals,
                deliveryAddress, vendorLocation, estimatedReadyMinutes, estimatedDeliveryMinutes,
                prescriptionReference, substitutionPreference, note, idempotencyKey, requestHash, null);
    }

    public Checkout {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one item");
        }
        items = List.copyOf(items);
        vendorCity = vendorCity == null || vendorCity.isBlank() ? null : vendorCity.strip();
        if (vendorCity != null && vendorCity.length() > 100) {
            vendorCity = vendorCity.substring(0, 100);
        }
    }
}
