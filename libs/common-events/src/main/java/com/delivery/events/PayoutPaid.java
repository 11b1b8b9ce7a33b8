package com.delivery.events;

import java.util.UUID;

/**
 * The vendor's share of a delivered order was transferred to its connected account. Keyed by vendor, so
 * one vendor's payouts stay in order.
 *
 * @param providerReference the Stripe transfer id ({@code tr_...})
 * @param orderId           the delivered order this payout is for
 */
public record PayoutPaid(
        UUID payoutId,
        UUID vendorId,
        long amountMinor,
        String currency,
        String providerReference,
        UUID orderId) implements EventPayload {

    public PayoutPaid {
        Checks.required(payoutId, "payoutId");
        Checks.required(vendorId, "vendorId");
        Checks.amount(amountMinor, "amountMinor");
        Checks.currency(currency);
        Checks.requiredText(providerReference, "providerReference");
        Checks.required(orderId, "orderId");
    }

    @Override
    public String aggregateId() {
        return vendorId.toString();
    }
}
