package com.delivery.payment.app;

import com.delivery.kit.web.ApiException;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.Refund;
import com.delivery.payment.domain.Refunds;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Refunds an admin asks for: the rest of the captured amount, or a part of it. */
@Service
public class AdminRefunds {

    static final String ADMIN = "ADMIN";

    private final Payments payments;
    private final Refunds refunds;
    private final RefundBooking booking;

    AdminRefunds(Payments payments, Refunds refunds, RefundBooking booking) {
        this.payments = payments;
        this.refunds = refunds;
        this.booking = booking;
    }

    /** @param replayed true when the idempotency key named a refund made before, which is returned unchanged */
    public record Result(Payment payment, Refund refund, boolean replayed) {
    }

    /**
     * Refunds {@code amountMinor}, or everything still refundable when it is null. The payment row stays locked
     * meanwhile, so two refunds at once cannot together exceed the captured amount.
     *
     * @param idempotencyKey optional; the same key for the same payment returns the first refund
     */
    @Transactional
    public Result refund(UUID paymentId, Long amountMinor, String reason, String idempotencyKey, UUID adminId) {
        Payment payment = payments.lockById(paymentId).orElseThrow(() -> ApiException.notFound("Payment", paymentId));
        UUID refundId = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("admin-refund:" + paymentId + ":" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8));
        Optional<Refund> earlier = refunds.findById(refundId);
        if (earlier.isPresent()) {
            return new Result(payment, earlier.get(), true);
        }
        long amount = amountMinor == null ? payment.refundableMinor() : amountMinor;
        if (amountMinor == null) {
            payment.checkRefundable(Math.max(amount, 1));
        }
        Refund refund = booking.refund(payment, refundId, amount, reason == null ? ADMIN : reason, adminId);
        return new Result(payment, refund, false);
    }
}
