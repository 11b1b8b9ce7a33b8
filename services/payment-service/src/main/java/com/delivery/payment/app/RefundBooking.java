package com.delivery.payment.app;

import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.payment.app.PaymentGateway.ProviderRefund;
import com.delivery.payment.app.PaymentGateway.RefundRequest;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Refund;
import com.delivery.payment.domain.RefundStatus;
import com.delivery.payment.domain.Refunds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds a locked payment at the provider and books it with its {@code payment.refunded}, in the caller's
 * transaction. Destination charges also reverse the vendor's transfer and refund the application fee in proportion.
 */
@Component
class RefundBooking {

    private static final Logger log = LoggerFactory.getLogger(RefundBooking.class);

    private final PaymentGateway gateway;
    private final Refunds refunds;
    private final OutboxWriter outbox;
    private final Clock clock;

    RefundBooking(PaymentGateway gateway, Refunds refunds, OutboxWriter outbox, Clock clock) {
        this.gateway = gateway;
        this.refunds = refunds;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Gives back everything not refunded yet, e.g. for a cancelled order. Retrying reuses the same refund. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Refund refundRemaining(Payment payment, String reason) {
        UUID refundId = UUID.nameUUIDFromBytes(("refund-remaining:" + payment.id() + ":" + payment.refundedMinor())
                .getBytes(StandardCharsets.UTF_8));
        return refund(payment, refundId, payment.refundableMinor(), reason, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Refund refund(Payment payment, UUID refundId, long amountMinor, String reason, UUID requestedBy) {
        payment.checkRefundable(amountMinor);
        ProviderRefund provided = gateway.refund(new RefundRequest(refundId, payment.id(), payment.providerIntentId(),
                amountMinor, payment.hasDestination(), reason));
        Refund refund = payment.refund(refundId, amountMinor, reason, provided.refundId(),
                RefundStatus.fromProvider(provided.status()), requestedBy, clock.instant());
        refunds.save(refund);
        outbox.append(payment.refundedEvent(refund));
        log.info("Payment refunded paymentId={} orderId={} refundId={} amountMinor={} currency={} reason={} providerRefund={}",
                payment.id(), payment.orderId(), refund.id(), amountMinor, payment.currency(), reason,
                provided.refundId());
        return refund;
    }
}
