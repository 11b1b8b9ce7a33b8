package com.delivery.events;

import java.util.UUID;

/**
 * The customer's payment for an order succeeded; order moves it to {@code PLACED}.
 *
 * @param providerReference the Stripe PaymentIntent id ({@code pi_...})
 */
public record PaymentCompleted(
        UUID paymentId,
        UUID orderId,
        UUID customerId,
        long amountMinor,
        String currency,
        String providerReference) implements OrderEvent {

    public PaymentCompleted {
        Checks.required(paymentId, "paymentId");
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.amount(amountMinor, "amountMinor");
        Checks.currency(currency);
        Checks.requiredText(providerReference, "providerReference");
    }
}
