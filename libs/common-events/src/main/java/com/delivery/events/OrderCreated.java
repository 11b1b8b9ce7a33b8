package com.delivery.events;

import java.util.List;
import java.util.UUID;

/**
 * A checked-out order, now {@code PENDING_PAYMENT}. Carries the priced lines and totals so payment can
 * create the intent, vendor can reserve stock and notification can write the receipt without asking order.
 *
 * @param category              {@code FOOD}, {@code GROCERY}, {@code PHARMACY}, ...
 * @param subtotalMinor         sum of {@code items[].lineTotalMinor}
 * @param platformFeeMinor      the platform's fee on the subtotal (Stripe {@code application_fee_amount})
 * @param totalMinor            what the customer is charged
 * @param estimatedReadyMinutes the vendor's preparation estimate at checkout
 */
public record OrderCreated(
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        String vendorName,
        String category,
        List<OrderLine> items,
        long subtotalMinor,
        long deliveryFeeMinor,
        long platformFeeMinor,
        long tipMinor,
        long taxMinor,
        long totalMinor,
        String currency,
        Address deliveryAddress,
        GeoPoint vendorLocation,
        int estimatedReadyMinutes) implements OrderEvent {

    public OrderCreated {
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.required(vendorId, "vendorId");
        Checks.requiredText(vendorName, "vendorName");
        Checks.requiredText(category, "category");
        items = Checks.nonEmpty(items, "items");
        Checks.amount(subtotalMinor, "subtotalMinor");
        Checks.amount(deliveryFeeMinor, "deliveryFeeMinor");
        Checks.amount(platformFeeMinor, "platformFeeMinor");
        Checks.amount(tipMinor, "tipMinor");
        Checks.amount(taxMinor, "taxMinor");
        Checks.amount(totalMinor, "totalMinor");
        Checks.currency(currency);
        Checks.required(deliveryAddress, "deliveryAddress");
        Checks.required(vendorLocation, "vendorLocation");
        Checks.notNegative(estimatedReadyMinutes, "estimatedReadyMinutes");
    }

    /** One priced line: {@code lineTotalMinor = quantity × unitPriceMinor}, prices as charged at checkout. */
    public record OrderLine(UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor) {

        public OrderLine {
            Checks.required(menuItemId, "menuItemId");
            Checks.requiredText(name, "name");
            Checks.positive(quantity, "quantity");
            Checks.amount(unitPriceMinor, "unitPriceMinor");
            Checks.amount(lineTotalMinor, "lineTotalMinor");
        }
    }
}
