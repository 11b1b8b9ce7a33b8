package com.delivery.payment.app;

import com.delivery.events.OrderDelivered;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.security.CurrentUser;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.Payout;
import com.delivery.payment.domain.PayoutStatus;
import com.delivery.payment.domain.Payouts;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's share of each delivered order. With destination charges Stripe already transferred it to the
 * connected account at capture; delivery releases it in our books: the payout is PAID with {@code payout.paid} as
 * soon as the transfer id is known (from the charge webhook, or asked of the provider now), else it waits for the
 * charge webhook. Vendors without a usable connected account keep a PENDING_ACCOUNT payout and no event.
 */
@Service
public class VendorPayouts {

    private static final Logger log = LoggerFactory.getLogger(VendorPayouts.class);

    private final Payouts payouts;
    private final Payments payments;
    private final VendorConnect vendors;
    private final PaymentGateway gateway;
    private final AdvisoryLocks locks;
    private final OutboxWriter outbox;
    private final Clock clock;

    VendorPayouts(Payouts payouts, Payments payments, VendorConnect vendors, PaymentGateway gateway,
            AdvisoryLocks locks, OutboxWriter outbox, Clock clock) {
        this.payouts = payouts;
        this.payments = payments;
        this.vendors = vendors;
        this.gateway = gateway;
        this.locks = locks;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void release(OrderDelivered delivered) {
        locks.lock(delivered.orderId());
        if (payouts.existsByOrderId(delivered.orderId())) {
            return;
        }
        // a delivered order without a payment means order.created is still on its way: throwing retries later
        Payment payment = payments.lockByOrderId(delivered.orderId()).orElseThrow(() -> new IllegalStateException(
                "No payment for delivered order " + delivered.orderId() + " yet"));
        Payout payout = Payout.forDelivered(payment, clock.instant());
        if (payout.status() == PayoutStatus.AWAITING_TRANSFER) {
            String transfer = payment.providerTransferId() != null ? payment.providerTransferId()
                    : askProviderForTransfer(payment);
            if (transfer != null) {
                payment.recordTransfer(null, transfer, clock.instant());
                payout.markPaid(transfer, clock.instant()).ifPresent(outbox::append);
            }
        }
        payouts.save(payout);
        log.info("Payout recorded vendorId={} orderId={} payoutId={} amountMinor={} currency={} status={}",
                payout.vendorId(), payout.orderId(), payout.id(), payout.amountMinor(), payout.currency(),
                payout.status());
    }

    private String askProviderForTransfer(Payment payment) {
        try {
            return gateway.destinationTransfer(payment.providerIntentId()).orElse(null);
        } catch (PaymentProviderException e) {
            log.warn("Transfer of paymentId={} not available now, waiting for the charge webhook: {}", payment.id(),
                    e.getMessage());
            return null;
        }
    }

    public record Page(List<Payout> payouts, int page, int size, long total) {
    }

    /** The vendor's payouts, newest first, for the vendor's owner or an admin. */
    @Transactional(readOnly = true)
    public Page list(UUID vendorId, CurrentUser caller, int page, int size) {
        vendors.requireVendorAccess(vendorId, caller);
        return new Page(payouts.forVendor(vendorId, page, size), page, size, payouts.countByVendorId(vendorId));
    }
}
