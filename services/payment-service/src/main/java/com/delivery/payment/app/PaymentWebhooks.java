package com.delivery.payment.app;

import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.CorrelationId;
import com.delivery.payment.app.ProviderEvent.AccountUpdated;
import com.delivery.payment.app.ProviderEvent.ChargeRefunded;
import com.delivery.payment.app.ProviderEvent.ChargeTransferred;
import com.delivery.payment.app.ProviderEvent.IntentFailed;
import com.delivery.payment.app.ProviderEvent.IntentSucceeded;
import com.delivery.payment.app.ProviderEvent.Other;
import com.delivery.payment.domain.ConnectedAccounts;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.Payouts;
import com.delivery.payment.domain.Refunds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stripe's webhooks: verified against the raw body, deduplicated by event id, and applied with their outbox events
 * in one transaction. Redeliveries and late or out-of-order events change nothing they should not.
 *
 * <p>Every first delivery is recorded in {@code stripe_events} with its outcome; an ignored one also with why, and
 * counted in {@code stripe_webhooks_ignored_total{reason}}. The one answer that makes Stripe deliver again is 503,
 * for an event naming one of our payments that is not recorded yet, and only while it may still appear
 * ({@code payment.stripe.unknown-payment-window} after the event's {@code created}); a webhook that can never apply
 * must not be refused for the three days Stripe retries, at the end of which it may disable the endpoint.
 */
@Service
public class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);
    static final String METADATA_PAYMENT_ID = "paymentId";
    static final String IGNORED_METRIC = "stripe.webhooks.ignored";
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    /** Why an event was acknowledged without effect: the {@code reason} of the metric and of {@code stripe_events}. */
    public enum IgnoredBecause {
        /** A type the service does not act on (or a charge without transfer). */
        UNHANDLED_TYPE("unhandled-type"),
        /** Concerns no intent, charge or account of ours: another integration on the same Stripe account. */
        FOREIGN("foreign"),
        /** Names one of our payments, which belongs to another intent. */
        INTENT_MISMATCH("intent-mismatch"),
        /** Names one of our payments that was never recorded, and the unknown-payment window has passed. */
        UNKNOWN_PAYMENT("unknown-payment");

        private final String reason;

        IgnoredBecause(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** What became of a webhook. */
    public enum Outcome {
        APPLIED, DUPLICATE, IGNORED
    }

    private final WebhookVerifier verifier;
    private final StripeEventLog eventLog;
    private final Payments payments;
    private final Payouts payouts;
    private final Refunds refunds;
    private final ConnectedAccounts accounts;
    private final RefundBooking refundBooking;
    private final ClientSecretCache secrets;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final Duration unknownPaymentWindow;
    private final Map<IgnoredBecause, Counter> ignoredCounters = new java.util.EnumMap<>(IgnoredBecause.class);

    PaymentWebhooks(WebhookVerifier verifier, StripeEventLog eventLog, Payments payments, Payouts payouts,
            Refunds refunds, ConnectedAccounts accounts, RefundBooking refundBooking, ClientSecretCache secrets,
            OutboxWriter outbox, Clock clock, PaymentProperties properties, MeterRegistry meters) {
        this.verifier = verifier;
        this.eventLog = eventLog;
        this.payments = payments;
        this.payouts = payouts;
        this.refunds = refunds;
        this.accounts = accounts;
        this.refundBooking = refundBooking;
        this.secrets = secrets;
        this.outbox = outbox;
        this.clock = clock;
        this.unknownPaymentWindow = properties.stripe().unknownPaymentWindow();
        for (IgnoredBecause because : IgnoredBecause.values()) {
            // registered up front: every reason shows as 0 until it happens, so increase() and alerts see the first
            ignoredCounters.put(because, Counter.builder(IGNORED_METRIC)
                    .description("Stripe webhooks acknowledged without effect, by reason")
                    .tag("reason", because.reason()).register(meters));
        }
    }

    /**
     * Checks the signature; a bad one is a 400 and nothing is recorded. A signed body that is not a readable event is
     * a 400 too ({@code malformed-event}): whatever it is, applying it later would not go better.
     */
    public ProviderEvent verify(String payload, String signatureHeader) {
        try {
            return verifier.verify(payload, signatureHeader);
        } catch (WebhookVerifier.InvalidWebhookException e) {
            log.warn("Refused webhook: {}", e.getMessage());
            throw ApiException.badRequest("invalid-signature", "The webhook signature is missing, wrong or too old");
        } catch (WebhookVerifier.MalformedWebhookException e) {
            // signed with our secret, so Stripe (or someone holding the secret) sent it: worth a look
            log.error("Refused a signed webhook that cannot be read: {} ({})", e.getMessage(),
                    e.getCause() == null ? "no cause" : e.getCause().toString());
            throw ApiException.badRequest("malformed-event", "The webhook is signed but is not a readable Stripe "
                    + "event: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.unavailable("webhook-not-configured", "Webhooks are not configured on this instance");
        }
    }

    /**
     * Applies the first delivery of an event; a redelivery is {@link Outcome#DUPLICATE} and changes nothing.
     *
     * @throws PaymentNotYetKnownException (503, nothing recorded) for an event naming a payment of ours that may
     *                                     still be recorded
     */
    @Transactional
    public Outcome apply(ProviderEvent event) {
        if (!eventLog.recordFirstDelivery(event.eventId(), event.type(), event.created())) {
            log.info("Skipping redelivered webhook {} eventId={}", event.type(), event.eventId());
            return Outcome.DUPLICATE;
        }
        Outcome outcome = switch (event) {
            case IntentSucceeded succeeded -> succeeded(succeeded);
            case IntentFailed failed -> failed(failed);
            case ChargeRefunded refunded -> refunded(refunded);
            case ChargeTransferred transferred -> transferred(transferred);
            case AccountUpdated updated -> accountUpdated(updated);
            case Other other -> ignored(other, IgnoredBecause.UNHANDLED_TYPE);
        };
        if (outcome == Outcome.APPLIED) {
            eventLog.recordOutcome(event.eventId(), Outcome.APPLIED.name(), null);
        }
        return outcome;
    }

    private Outcome succeeded(IntentSucceeded event) {
        Match found = paymentFor(event, event.intentId(), event.metadata());
        if (found.payment() == null) {
            return ignored(event, found.ignoredBecause());
        }
        Payment payment = found.payment();
        if (event.amountReceived() != payment.amountMinor()) {
            log.error("Captured amount differs from the order paymentId={} intent={} capturedMinor={} expectedMinor={}",
                    payment.id(), event.intentId(), event.amountReceived(), payment.amountMinor());
        }
        payment.succeed(event.amountReceived(), event.chargeId(), clock.instant()).ifPresent(completed -> {
            outbox.append(completed);
            log.info("Payment completed orderId={} paymentId={} amountMinor={} currency={} eventId={}",
                    payment.orderId(), payment.id(), completed.amountMinor(), payment.currency(), event.eventId());
        });
        secrets.evict(payment.id());
        if (payment.orderCancelled() && payment.refundableMinor() > 0) {
            log.warn("Payment captured after its order was cancelled, refunding orderId={} paymentId={}",
                    payment.orderId(), payment.id());
            refundBooking.refundRemaining(payment, CheckoutPayments.ORDER_CANCELLED);
        }
        return Outcome.APPLIED;
    }

    private Outcome failed(IntentFailed event) {
        Match found = paymentFor(event, event.intentId(), event.metadata());
        if (found.payment() == null) {
            return ignored(event, found.ignoredBecause());
        }
        Payment payment = found.payment();
        String code = event.failureCode() == null || event.failureCode().isBlank() ? "payment_failed"
                : event.failureCode();
        String reason = event.message() == null || event.message().isBlank() ? "The payment was not successful."
                : event.message();
        payment.fail(code, reason, clock.instant()).ifPresentOrElse(failed -> {
            outbox.append(failed);
            secrets.evict(payment.id());
            log.info("Payment failed orderId={} paymentId={} code={} eventId={}", payment.orderId(), payment.id(),
                    code, event.eventId());
        }, () -> log.info("Late failure notice ignored paymentId={} status={} eventId={}", payment.id(),
                payment.status(), event.eventId()));
        return Outcome.APPLIED;
    }

    private Outcome refunded(ChargeRefunded event) {
        Match found = paymentFor(event, event.intentId(), event.metadata());
        if (found.payment() == null) {
            return ignored(event, found.ignoredBecause());
        }
        Payment payment = found.payment();
        UUID refundId = UUID.nameUUIDFromBytes(("provider-refund:" + event.eventId()).getBytes(StandardCharsets.UTF_8));
        payment.reconcileRefundedTotal(event.amountRefunded(), refundId, clock.instant()).ifPresent(refund -> {
            refunds.save(refund);
            outbox.append(payment.refundedEvent(refund));
            log.info("Refund made at the provider booked orderId={} paymentId={} amountMinor={} eventId={}",
                    payment.orderId(), payment.id(), refund.amountMinor(), event.eventId());
        });
        return Outcome.APPLIED;
    }

    private Outcome transferred(ChargeTransferred event) {
        Optional<Payment> found = inFlowOf(
                event.intentId() == null ? Optional.empty() : payments.lockByIntentId(event.intentId()));
        if (found.isEmpty()) {
            return ignored(event, IgnoredBecause.FOREIGN);
        }
        Payment payment = found.get();
        payment.recordTransfer(event.chargeId(), event.transferId(), clock.instant());
        payouts.findByPaymentId(payment.id())
                .flatMap(payout -> payout.markPaid(event.transferId(), clock.instant()))
                .ifPresent(paid -> {
                    outbox.append(paid);
                    log.info("Payout paid vendorId={} orderId={} amountMinor={} transfer={}", paid.vendorId(),
                            paid.orderId(), paid.amountMinor(), paid.providerReference());
                });
        return Outcome.APPLIED;
    }

    private Outcome accountUpdated(AccountUpdated event) {
        return accounts.findByProviderAccountId(event.accountId()).map(account -> {
            account.update(event.chargesEnabled(), event.payoutsEnabled(), event.detailsSubmitted(), clock.instant());
            log.info("Connected account updated vendorId={} account={} chargesEnabled={} payoutsEnabled={}",
                    account.vendorId(), event.accountId(), event.chargesEnabled(), event.payoutsEnabled());
            return Outcome.APPLIED;
        }).orElseGet(() -> ignored(event, IgnoredBecause.FOREIGN));
    }

    /** The payment an event is about, or why it is none of ours. */
    private record Match(Payment payment, IgnoredBecause ignoredBecause) {

        static Match of(Payment payment) {
            return new Match(payment, null);
        }

        static Match none(IgnoredBecause because) {
            return new Match(null, because);
        }
    }

    /**
     * The payment an intent belongs to, locked. An intent that names one of our payments in its metadata but is not
     * known yet is answered with 503 while it may still be recorded, so Stripe redelivers it later, and ignored
     * after that; intents of other integrations are ignored.
     */
    private Match paymentFor(ProviderEvent event, String intentId, Map<String, String> metadata) {
        Match match = lookUp(event, intentId, metadata);
        if (match.payment() != null) {
            inFlowOf(Optional.of(match.payment()));
        }
        return match;
    }

    /** Events published for a payment carry the correlation id of its checkout. */
    private static Optional<Payment> inFlowOf(Optional<Payment> payment) {
        payment.map(Payment::correlationId).ifPresent(CorrelationId::set);
        return payment;
    }

    private Match lookUp(ProviderEvent event, String intentId, Map<String, String> metadata) {
        Optional<Payment> byIntent = intentId == null ? Optional.empty() : payments.lockByIntentId(intentId);
        if (byIntent.isPresent()) {
            return Match.of(byIntent.get());
        }
        String paymentId = metadata == null ? null : metadata.get(METADATA_PAYMENT_ID);
        if (paymentId == null) {
            return Match.none(IgnoredBecause.FOREIGN);
        }
        UUID id;
        try {
            id = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            return Match.none(IgnoredBecause.FOREIGN);
        }
        Optional<Payment> byId = payments.lockById(id);
        if (byId.isEmpty() || byId.get().awaitsIntent()) {
            // recorded but its intent not booked yet: to us the event names an intent we do not know yet
            return notRecorded(event, id, intentId);
        }
        if (byId.get().providerIntentId() != null && !byId.get().providerIntentId().equals(intentId)) {
            log.warn("Webhook for intent {} names payment {} of intent {}; ignored", intentId, paymentId,
                    byId.get().providerIntentId());
            return Match.none(IgnoredBecause.INTENT_MISMATCH);
        }
        return Match.of(byId.get());
    }

    /**
     * An event naming one of our payments that is not recorded, or whose intent is not booked yet. The intent is
     * created after the stock hold commits and booked when Stripe answers, so an event may overtake the booking:
     * within the window (from the event's creation, which comes after the intent's) that is a race and Stripe is
     * asked to deliver again; after it, the payment will not
     * appear (see {@link PaymentProperties.Stripe#unknownPaymentWindow()}), and the event is acknowledged, recorded
     * as ignored and counted, so Stripe stops retrying it.
     */
    private Match notRecorded(ProviderEvent event, UUID paymentId, String intentId) {
        Duration age = Duration.between(event.created(), clock.instant());
        if (age.compareTo(unknownPaymentWindow) < 0) {
            Duration left = unknownPaymentWindow.minus(age);
            log.info("Webhook {} eventId={} names payment {} (intent {}) not recorded yet, {} s old; asking Stripe "
                    + "to deliver it again", event.type(), event.eventId(), paymentId, intentId, age.toSeconds());
            throw new PaymentNotYetKnownException(paymentId,
                    left.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : left);
        }
        log.warn("Webhook {} eventId={} names payment {} (intent {}) that was never recorded, {} min after the event; "
                + "acknowledged and ignored (check the intent in the Stripe dashboard)", event.type(), event.eventId(),
                paymentId, intentId, age.toMinutes());
        return Match.none(IgnoredBecause.UNKNOWN_PAYMENT);
    }

    /** Acknowledged without effect: recorded with the reason, counted once the transaction commits. */
    private Outcome ignored(ProviderEvent event, IgnoredBecause because) {
        log.info("Webhook {} eventId={} ignored: {}", event.type(), event.eventId(), because.reason());
        eventLog.recordOutcome(event.eventId(), Outcome.IGNORED.name(), because.reason());
        Counter counter = ignoredCounters.get(because);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a rolled-back delivery comes again and would be counted twice
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
        return Outcome.IGNORED;
    }
}
