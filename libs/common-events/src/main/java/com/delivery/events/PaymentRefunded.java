package com.delivery.events;

import java.util.UUID;

/**
 * Money went back to the customer, in full or in part ({@code amountMinor} is this refund only).
 *
 * @param providerReference the Stripe PaymentIntent id ({@code pi_...}) that was refunded
 * @param reason            why: {@code ORDER_CANCELLED}, {@code ADMIN}, ...
 */
public record PaymentRefunded(
        UUID paymentId,
        UUID orderId,
        UUID customerId,
        long amountMinor,
        String currency,
        String providerReference,
        String reason) implements OrderEvent {

    public PaymentRefunded {
        Checks.required(paymentId, "paymentId");
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.amount(amountMinor, "amountMinor");
        Checks.currency(currency);
        Checks.requiredText(providerReference, "providerReference");
        Checks.requiredText(reason, "reason");
    }
}
