package com.delivery.payment.api;

import com.delivery.payment.app.PaymentQueries.PaymentView;
import com.delivery.payment.domain.Payment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as its customer or an admin sees it. {@code clientSecret} is only given to the paying customer while
 * the payment waits for money; the split between platform and vendor only to admins.
 */
record PaymentResponse(
        UUID paymentId,
        UUID orderId,
        UUID customerId,
        UUID vendorId,
        String status,
        long amountMinor,
        String currency,
        String clientSecret,
        String providerReference,
        long capturedMinor,
        long refundedMinor,
        long refundableMinor,
        Split split,
        String failureCode,
        String failureReason,
        Instant createdAt,
        Instant capturedAt,
        Instant cancelledAt,
        List<RefundResponse> refunds) {

    /** The platform's and the vendor's parts, and whether the charge went to the vendor's connected account. */
    record Split(long platformFeeMinor, long applicationFeeMinor, long vendorShareMinor, String destinationAccountId) {
    }

    static PaymentResponse of(PaymentView view, boolean admin) {
        Payment p = view.payment();
        Split split = admin ? new Split(p.platformFeeMinor(), p.applicationFeeMinor(), p.vendorShareMinor(),
                p.destinationAccountId()) : null;
        return new PaymentResponse(p.id(), p.orderId(), p.customerId(), p.vendorId(), p.status().name(),
                p.amountMinor(), p.currency(), view.clientSecret(), p.providerIntentId(), p.capturedMinor(),
                p.refundedMinor(), p.refundableMinor(), split, p.failureCode(), p.failureReason(), p.createdAt(),
                p.capturedAt(), p.cancelledAt(), view.refunds().stream().map(RefundResponse::of).toList());
    }
}
