package com.delivery.payment.app;

import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.payment.app.PaymentGateway.CancelOutcome;
import com.delivery.payment.app.PaymentGateway.CreatedIntent;
import com.delivery.payment.app.PaymentGateway.IntentRequest;
import com.delivery.payment.domain.ChargeSplit;
import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.ConnectedAccounts;
import com.delivery.payment.domain.EarlyCancellation;
import com.delivery.payment.domain.EarlyCancellations;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.PlatformFee;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payment side of checkout: an intent for each new order, and its undoing when the order is cancelled. */
@Service
public class CheckoutPayments {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPayments.class);
    static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private final Payments payments;
    private final ConnectedAccounts accounts;
    private final EarlyCancellations earlyCancellations;
    private final PaymentGateway gateway;
    private final ClientSecretCache secrets;
    private final AdvisoryLocks locks;
    private final RefundBooking refunds;
    private final OutboxWriter outbox;
    private final PaymentProperties properties;
    private final Clock clock;

    CheckoutPayments(Payments payments, ConnectedAccounts accounts, EarlyCancellations earlyCancellations,
            PaymentGateway gateway, ClientSecretCache secrets, AdvisoryLocks locks, RefundBooking refunds,
            OutboxWriter outbox, PaymentProperties properties, Clock clock) {
        this.payments = payments;
        this.accounts = accounts;
        this.earlyCancellations = earlyCancellations;
        this.gateway = gateway;
        this.secrets = secrets;
        this.locks = locks;
        this.refunds = refunds;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the order's payment and its PaymentIntent for exactly the order's total. A second {@code order.created}
     * for the same order changes nothing; an order already cancelled gets a cancelled payment and no intent.
     * A provider error fails the payment for good ({@code payment.failed}), so the order does not wait forever.
     */
    @Transactional
    public Payment open(OrderCreated order, String correlationId) {
        locks.lock(order.orderId());
        Optional<Payment> existing = payments.findByOrderId(order.orderId());
        if (existing.isPresent()) {
            log.info("Payment already open orderId={} paymentId={}", order.orderId(), existing.get().id());
            return existing.get();
        }
        ChargeSplit split = ChargeSplit.of(order.subtotalMinor(), order.deliveryFeeMinor(), order.platformFeeMinor(),
                order.tipMinor(), order.taxMinor(), order.totalMinor());
        long expectedFee = PlatformFee.of(order.subtotalMinor(), properties.platformFeePercent());
        if (expectedFee != order.platformFeeMinor()) {
            log.warn("Order platform fee differs from PLATFORM_FEE_PERCENT orderId={} orderFeeMinor={} expectedMinor={}; "
                    + "charging the order's", order.orderId(), order.platformFeeMinor(), expectedFee);
        }
        String destination = accounts.findById(order.vendorId())
                .filter(ConnectedAccount::canReceiveDestinationCharges)
                .map(ConnectedAccount::providerAccountId)
                .orElse(null);
        Payment payment = Payment.open(order.orderId(), order.customerId(), order.vendorId(), order.currency(), split,
                destination, correlationId, clock.instant());

        Optional<EarlyCancellation> cancelled = earlyCancellations.findById(order.orderId());
        if (cancelled.isPresent()) {
            payment.cancelBeforeIntent(clock.instant());
            payments.save(payment);
            log.info("Order was cancelled before its payment opened orderId={} paymentId={} reason={}",
                    order.orderId(), payment.id(), cancelled.get().reason());
            return payment;
        }
        payments.save(payment);
        try {
            CreatedIntent intent = gateway.createIntent(new IntentRequest(payment.id(), order.orderId(),
                    split.totalMinor(), order.currency(), split.applicationFeeMinor(), destination,
                    "Order " + order.orderId() + " at " + order.vendorName()));
            payment.attachIntent(intent.intentId(), clock.instant());
            secrets.put(payment.id(), intent.clientSecret());
            log.info("Payment intent created orderId={} paymentId={} intent={} amountMinor={} currency={} "
                    + "applicationFeeMinor={} destination={} gateway={}", order.orderId(), payment.id(),
                    intent.intentId(), split.totalMinor(), order.currency(),
                    destination == null ? 0 : split.applicationFeeMinor(), destination, gateway.name());
        } catch (PaymentProviderException e) {
            String code = e.unavailable() ? "PROVIDER_UNAVAILABLE" : e.code();
            log.warn("Payment intent could not be created orderId={} paymentId={} code={}: {}", order.orderId(),
                    payment.id(), code, e.getMessage());
            payment.fail(code, "The payment could not be started. Please try again.", clock.instant())
                    .ifPresent(outbox::append);
        }
        return payment;
    }

    /**
     * The order was cancelled: a captured payment is refunded in full ({@code payment.refunded}), an open intent is
     * cancelled, and a cancel that comes before the order is remembered so the payment opens cancelled.
     */
    @Transactional
    public void cancel(OrderCancelled cancelled) {
        locks.lock(cancelled.orderId());
        Optional<Payment> found = payments.lockByOrderId(cancelled.orderId());
        if (found.isEmpty()) {
            if (earlyCancellations.findById(cancelled.orderId()).isEmpty()) {
                earlyCancellations.save(new EarlyCancellation(cancelled.orderId(), cancelled.reason(), clock.instant()));
            }
            log.info("Order cancelled before its payment opened orderId={} reason={}", cancelled.orderId(),
                    cancelled.reason());
            return;
        }
        Payment payment = found.get();
        switch (payment.cancelForOrder(clock.instant())) {
            case NOTHING -> log.info("Nothing to undo for cancelled order orderId={} paymentId={} status={}",
                    payment.orderId(), payment.id(), payment.status());
            case CANCEL_INTENT -> cancelIntent(payment);
            case REFUND_REMAINING -> refunds.refundRemaining(payment, ORDER_CANCELLED);
        }
        secrets.evict(payment.id());
    }

    private void cancelIntent(Payment payment) {
        CancelOutcome outcome = gateway.cancelIntent(payment.providerIntentId(), payment.id());
        if (outcome == CancelOutcome.CANCELLED) {
            log.info("Payment intent cancelled orderId={} paymentId={} intent={}", payment.orderId(), payment.id(),
                    payment.providerIntentId());
            return;
        }
        // the customer paid a moment before the cancel: book the capture, then give it all back
        log.warn("Cancelled order was already paid, refunding orderId={} paymentId={} intent={}", payment.orderId(),
                payment.id(), payment.providerIntentId());
        payment.succeed(payment.amountMinor(), null, clock.instant()).ifPresent(outbox::append);
        refunds.refundRemaining(payment, ORDER_CANCELLED);
    }
}
