package com.delivery.payment.app;

import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.web.CorrelationId;
import com.delivery.payment.app.PaymentGateway.CancelOutcome;
import com.delivery.payment.app.PaymentGateway.CreatedIntent;
import com.delivery.payment.app.PaymentGateway.IntentRequest;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Payment.IntentArrival;
import com.delivery.payment.domain.Payments;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to create a payment's PaymentIntent, outside any transaction: the request is read, Stripe is called
 * with no database connection held, and the answer is booked in a second, short transaction under the order's lock.
 * The idempotency key is the payment id (derived from the order), so an attempt repeated after a crash, a timeout
 * or on two instances at once gets Stripe's first intent back, never a second one.
 *
 * <ul>
 *   <li>the intent is attached and its client secret cached: the customer can pay;</li>
 *   <li>the order was cancelled while Stripe worked: the new intent is cancelled at Stripe (nobody could pay it);</li>
 *   <li>Stripe refused the request: the payment fails for good ({@code payment.failed}, the order is cancelled);</li>
 *   <li>Stripe could not be reached: tried again with a back-off, and failed once
 *       {@code payment.intents.give-up-after} has passed since the stock was held.</li>
 * </ul>
 */
@Service
public class IntentCreation {

    private static final Logger log = LoggerFactory.getLogger(IntentCreation.class);

    private final Payments payments;
    private final PaymentGateway gateway;
    private final ClientSecretCache secrets;
    private final AdvisoryLocks locks;
    private final OutboxWriter outbox;
    private final PaymentProperties.Intents settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    IntentCreation(Payments payments, PaymentGateway gateway, ClientSecretCache secrets, AdvisoryLocks locks,
            OutboxWriter outbox, PaymentProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.secrets = secrets;
        this.locks = locks;
        this.outbox = outbox;
        this.settings = properties.intents();
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What an attempt needs, taken from the payment in the transaction that asked for the intent. */
    public record PendingIntent(UUID paymentId, UUID orderId, String correlationId, IntentRequest request) {

        public static PendingIntent of(Payment payment) {
            return new PendingIntent(payment.id(), payment.orderId(), payment.correlationId(),
                    new IntentRequest(payment.id(), payment.orderId(), payment.amountMinor(), payment.currency(),
                            payment.applicationFeeMinor(), payment.destinationAccountId(),
                            payment.intentDescription()));
        }
    }

    /** The stored request of a payment whose intent is still wanted (the retry sweep's path); empty if none. */
    public Optional<PendingIntent> stored(UUID paymentId) {
        Optional<Payment> waiting = tx.execute(status -> payments.findById(paymentId).filter(Payment::awaitsIntent));
        return waiting == null ? Optional.empty() : waiting.map(PendingIntent::of);
    }

    /** Makes one attempt; never throws for a provider failure (the outcome is booked on the payment). */
    public void attempt(PendingIntent pending) {
        if (pending.correlationId() != null) {
            // payment.failed belongs to the checkout, whichever event led here
            CorrelationId.set(pending.correlationId());
        }
        try {
            CreatedIntent intent = gateway.createIntent(pending.request());
            book(pending, intent);
        } catch (PaymentProviderException e) {
            if (e.unavailable()) {
                notReached(pending, e);
            } else {
                refused(pending, e);
            }
        } finally {
            CorrelationId.clear();
        }
    }

    private void book(PendingIntent attempted, CreatedIntent intent) {
        IntentArrival arrival = tx.execute(status -> {
            locks.lock(attempted.orderId());
            Payment payment = payments.lockById(attempted.paymentId()).orElseThrow();
            return payment.intentCreated(intent.intentId(), clock.instant());
        });
        switch (arrival) {
            case ATTACHED -> {
                secrets.put(attempted.paymentId(), intent.clientSecret());
                IntentRequest request = attempted.request();
                log.info("Payment intent created orderId={} paymentId={} intent={} amountMinor={} currency={} "
                        + "applicationFeeMinor={} destination={} gateway={}", attempted.orderId(),
                        attempted.paymentId(), intent.intentId(), request.amountMinor(), request.currency(),
                        request.destinationAccountId() == null ? 0 : request.applicationFeeMinor(),
                        request.destinationAccountId(), gateway.name());
            }
            case ALREADY_ATTACHED -> log.info("Payment intent was booked before orderId={} paymentId={} intent={}",
                    attempted.orderId(), attempted.paymentId(), intent.intentId());
            case CANCEL_AT_PROVIDER -> cancelUnwanted(attempted, intent.intentId());
        }
    }

    /** The order was cancelled (or the payment gave up) while Stripe created the intent: nobody may pay it. */
    private void cancelUnwanted(PendingIntent payment, String intentId) {
        try {
            CancelOutcome outcome = gateway.cancelIntent(intentId, payment.paymentId());
            log.info("Payment intent created after its order was cancelled, cancelled at the provider orderId={} "
                    + "paymentId={} intent={} outcome={}", payment.orderId(), payment.paymentId(), intentId, outcome);
        } catch (PaymentProviderException e) {
            // the customer never got its client secret, so it cannot be paid; Stripe cancels it after a day anyway
            log.warn("Could not cancel the intent of a cancelled order orderId={} paymentId={} intent={}: {}",
                    payment.orderId(), payment.paymentId(), intentId, e.getMessage());
        }
    }

    private void notReached(PendingIntent attempted, PaymentProviderException e) {
        Payment after = tx.execute(status -> {
            locks.lock(attempted.orderId());
            Payment payment = payments.lockById(attempted.paymentId()).orElseThrow();
            payment.intentAttemptFailed(clock.instant(), settings.giveUpAfter(),
                    "The payment could not be started. Please try again.").ifPresent(outbox::append);
            return payment;
        });
        if (after.awaitsIntent()) {
            log.warn("Payment provider unreachable creating the intent, retrying orderId={} paymentId={} attempts={} "
                    + "nextAttemptAt={}: {}", attempted.orderId(), attempted.paymentId(), after.intentAttempts(),
                    after.intentNextAttemptAt(), e.getMessage());
        } else {
            log.warn("Payment provider unreachable for {}, the payment fails orderId={} paymentId={} status={}: {}",
                    settings.giveUpAfter(), attempted.orderId(), attempted.paymentId(), after.status(), e.getMessage());
        }
    }

    private void refused(PendingIntent attempted, PaymentProviderException e) {
        log.warn("Payment intent could not be created orderId={} paymentId={} code={}: {}", attempted.orderId(),
                attempted.paymentId(), e.code(), e.getMessage());
        tx.executeWithoutResult(status -> {
            locks.lock(attempted.orderId());
            Payment payment = payments.lockById(attempted.paymentId()).orElseThrow();
            if (payment.awaitsIntent()) {
                payment.fail(e.code(), "The payment could not be started. Please try again.", clock.instant())
                        .ifPresent(outbox::append);
            }
        });
    }
}
