package com.delivery.payment.api;

import com.delivery.payment.domain.Refund;
import java.time.Instant;
import java.util.UUID;

record RefundResponse(UUID refundId, UUID paymentId, long amountMinor, String currency, String reason, String status,
        String providerReference, Instant createdAt) {

    static RefundResponse of(Refund refund) {
        return new RefundResponse(refund.id(), refund.paymentId(), refund.amountMinor(), refund.currency(),
                refund.reason(), refund.status().name(), refund.providerRefundId(), refund.createdAt());
    }
}
