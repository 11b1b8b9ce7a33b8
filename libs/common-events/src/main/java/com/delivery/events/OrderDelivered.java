package com.delivery.events;

import java.util.UUID;

/**
 * The order reached the customer. Carries the money split so driver can book earnings and payment can
 * release the vendor payout without asking order.
 *
 * @param distanceMeters delivery distance, vendor to customer, as order estimated it at checkout
 */
public record OrderDelivered(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        UUID driverId,
        long subtotalMinor,
        long deliveryFeeMinor,
        long platformFeeMinor,
        long tipMinor,
        long taxMinor,
        long totalMinor,
        String currency,
        int distanceMeters) implements OrderEvent {

    public OrderDelivered {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.required(driverId, "driverId");
        Checks.amount(subtotalMinor, "subtotalMinor");
        Checks.amount(deliveryFeeMinor, "deliveryFeeMinor");
        Checks.amount(platformFeeMinor, "platformFeeMinor");
        Checks.amount(tipMinor, "tipMinor");
        Checks.amount(taxMinor, "taxMinor");
        Checks.amount(totalMinor, "totalMinor");
        Checks.currency(currency);
        Checks.notNegative(distanceMeters, "distanceMeters");
    }
}
