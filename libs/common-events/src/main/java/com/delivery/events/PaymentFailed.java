package com.delivery.events;

import java.util.UUID;

/**
 * The customer's payment for an order failed for good; order cancels it.
 *
 * @param providerReference the Stripe PaymentIntent id, {@code null} if it failed before one was created
 * @param failureCode       Stripe's code where there is one ({@code card_declined}, {@code expired_card}, ...),
 *                          else our own ({@code PROVIDER_UNAVAILABLE}, ...)
 * @param reason            human-readable explanation, safe to show to the customer
 */
public record PaymentFailed(
        UUID paymentId,
        UUID orderId,
        UUID customerId,
        long amountMinor,
        String currency,
        String providerReference,
        String failureCode,
        String reason) implements OrderEvent {

    public PaymentFailed {
        Checks.required(paymentId, "paymentId");
        Checks.required(orderId, "orderId");
        Checks.required(customerId, "customerId");
        Checks.amount(amountMinor, "amountMinor");
        Checks.currency(currency);
        Checks.requiredText(failureCode, "failureCode");
        Checks.requiredText(reason, "reason");
    }
}
