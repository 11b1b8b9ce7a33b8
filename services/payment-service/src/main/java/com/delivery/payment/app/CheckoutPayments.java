package com.delivery.payment.app;

import com.delivery.events.InventoryReserved;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.payment.app.IntentCreation.PendingIntent;
import com.delivery.payment.app.PaymentGateway.CancelOutcome;
import com.delivery.payment.domain.ChargeSplit;
import com.delivery.payment.domain.ConnectedAccount;
import com.delivery.payment.domain.ConnectedAccounts;
import com.delivery.payment.domain.EarlyCancellation;
import com.delivery.payment.domain.EarlyCancellations;
import com.delivery.payment.domain.IntentGate;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.PaymentStatus;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.PlatformFee;
import com.delivery.payment.domain.StockHold;
import com.delivery.payment.domain.StockHolds;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The payment side of checkout: a payment for each new order, its intent once the vendor holds the order's stock
 * (never before: nobody pays for stock that may not be there), and their undoing when the order is cancelled.
 * {@code order.created}, {@code inventory.reserved} and {@code order.cancelled} come on different topics, in any
 * order; the order's advisory lock serializes them, and {@link IntentGate} decides when the intent is created.
 */
@Service
public class CheckoutPayments {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPayments.class);
    static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private final Payments payments;
    private final ConnectedAccounts accounts;
    private final EarlyCancellations earlyCancellations;
    private final StockHolds stockHolds;
    private final PaymentGateway gateway;
    private final IntentSubmissions intents;
    private final ClientSecretCache secrets;
    private final AdvisoryLocks locks;
    private final RefundBooking refunds;
    private final OutboxWriter outbox;
    private final PaymentProperties properties;
    private final Clock clock;

    CheckoutPayments(Payments payments, ConnectedAccounts accounts, EarlyCancellations earlyCancellations,
            StockHolds stockHolds, PaymentGateway gateway, IntentSubmissions intents, ClientSecretCache secrets,
            AdvisoryLocks locks,
            RefundBooking refunds, OutboxWriter outbox, PaymentProperties properties, Clock clock) {
        this.payments = payments;
        this.accounts = accounts;
        this.earlyCancellations = earlyCancellations;
        this.stockHolds = stockHolds;
        this.gateway = gateway;
        this.intents = intents;
        this.secrets = secrets;
        this.locks = locks;
        this.refunds = refunds;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the order's payment for exactly the order's total. Its PaymentIntent is created at once only if the
     * vendor's stock hold ({@code inventory.reserved}) came first; otherwise the payment waits for it
     * ({@code AWAITING_STOCK}, see {@link #stockHeld}). A second {@code order.created} for the same order changes
     * nothing; an order already cancelled gets a cancelled payment and no intent.
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
        Payment payment = Payment.open(order.orderId(), order.customerId(), order.vendorId(), order.vendorName(),
                order.currency(), split, destination, correlationId, clock.instant());

        Optional<EarlyCancellation> cancelled = earlyCancellations.findById(order.orderId());
        if (cancelled.isPresent()) {
            payment.cancelBeforeIntent(cancelled.get().reason(), clock.instant());
            payments.save(payment);
            log.info("Order was cancelled before its payment opened orderId={} paymentId={} reason={}",
                    order.orderId(), payment.id(), cancelled.get().reason());
            return payment;
        }
        payments.save(payment);
        boolean stockHeld = stockHolds.findById(order.orderId()).isPresent();
        switch (IntentGate.next(payment.status(), stockHeld, false)) {
            case CREATE_INTENT -> createIntent(payment);
            case WAIT_FOR_STOCK -> log.info("Payment opened, waiting for the vendor to hold the stock orderId={} "
                    + "paymentId={} amountMinor={} currency={}", order.orderId(), payment.id(), payment.amountMinor(),
                    payment.currency());
            case WAIT_FOR_ORDER, NOTHING -> log.warn("Unexpected intent step for a new payment orderId={} status={}",
                    order.orderId(), payment.status());
        }
        return payment;
    }

    /**
     * The vendor holds the order's stock ({@code inventory.reserved}). A payment waiting for it gets its intent now;
     * before {@code order.created} the hold is remembered, so {@link #open} creates the intent at once. A repeated
     * hold, or one for a payment that has its intent or is over (cancelled, failed), changes nothing: an order never
     * gets a second intent.
     */
    @Transactional
    public void stockHeld(InventoryReserved held) {
        locks.lock(held.orderId());
        Optional<Payment> found = payments.lockByOrderId(held.orderId());
        boolean cancelled = found.map(Payment::orderCancelled)
                .orElseGet(() -> earlyCancellations.findById(held.orderId()).isPresent());
        IntentGate.Step step = IntentGate.next(found.map(Payment::status).orElse(null), true, cancelled);
        switch (step) {
            case CREATE_INTENT -> createIntent(found.get());
            case WAIT_FOR_ORDER -> {
                if (stockHolds.findById(held.orderId()).isEmpty()) {
                    stockHolds.save(new StockHold(held.orderId(), held.vendorId(), clock.instant()));
                }
                log.info("Stock held before the order's payment opened orderId={} vendorId={}", held.orderId(),
                        held.vendorId());
            }
            case WAIT_FOR_STOCK, NOTHING -> log.info("Stock held, nothing to do for the payment orderId={} status={} "
                    + "cancelled={}", held.orderId(), found.map(Payment::status).orElse(null), cancelled);
        }
    }

    /**
     * Asks for the payment's PaymentIntent: recorded in this transaction, created by {@link IntentCreation} once it
     * has committed (no database connection is held while Stripe works). The payment id is Stripe's idempotency key,
     * so no retry ever makes a second intent.
     */
    private void createIntent(Payment payment) {
        if (!payment.requestIntent(clock.instant(), properties.intents().firstAnswerWithin())) {
            return;
        }
        PendingIntent pending = PendingIntent.of(payment);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                intents.submit(pending);
            }
        });
        log.info("Payment intent requested orderId={} paymentId={} amountMinor={} currency={}", payment.orderId(),
                payment.id(), payment.amountMinor(), payment.currency());
    }

    /**
     * The order was cancelled: a captured payment is refunded in full ({@code payment.refunded}), an open intent is
     * cancelled, a payment still waiting for the stock hold is cancelled without asking the provider anything (there
     * is no intent), and a cancel that comes before the order is remembered so the payment opens cancelled.
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
        PaymentStatus before = payment.status();
        switch (payment.cancelForOrder(cancelled.reason(), clock.instant())) {
            case NOTHING -> log.info("Nothing to undo for cancelled order orderId={} paymentId={} status={} was={} "
                    + "reason={}", payment.orderId(), payment.id(), payment.status(), before, cancelled.reason());
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
