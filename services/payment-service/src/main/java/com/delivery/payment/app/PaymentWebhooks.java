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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe's webhooks: verified against the raw body, deduplicated by event id, and applied with their outbox events
 * in one transaction. Redeliveries and late or out-of-order events change nothing they should not.
 */
@Service
public class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);
    static final String METADATA_PAYMENT_ID = "paymentId";

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

    PaymentWebhooks(WebhookVerifier verifier, StripeEventLog eventLog, Payments payments, Payouts payouts,
            Refunds refunds, ConnectedAccounts accounts, RefundBooking refundBooking, ClientSecretCache secrets,
            OutboxWriter outbox, Clock clock) {
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
    }

    /** Checks the signature; a bad one is a 400 and nothing is recorded. */
    public ProviderEvent verify(String payload, String signatureHeader) {
        try {
            return verifier.verify(payload, signatureHeader);
        } catch (WebhookVerifier.InvalidWebhookException e) {
            log.warn("Refused webhook: {}", e.getMessage());
            throw ApiException.badRequest("invalid-signature", "The webhook signature is missing, wrong or too old");
        } catch (IllegalStateException e) {
            throw ApiException.unavailable("webhook-not-configured", "Webhooks are not configured on this instance");
        }
    }

    @Transactional
    public Outcome apply(ProviderEvent event) {
        if (!eventLog.recordFirstDelivery(event.eventId(), event.type())) {
            log.info("Skipping redelivered webhook {} eventId={}", event.type(), event.eventId());
            return Outcome.DUPLICATE;
        }
        Outcome outcome = switch (event) {
            case IntentSucceeded succeeded -> succeeded(succeeded);
            case IntentFailed failed -> failed(failed);
            case ChargeRefunded refunded -> refunded(refunded);
            case ChargeTransferred transferred -> transferred(transferred);
            case AccountUpdated updated -> accountUpdated(updated);
            case Other other -> {
                log.info("Ignoring webhook {} eventId={}", other.type(), other.eventId());
                yield Outcome.IGNORED;
            }
        };
        return outcome;
    }

    private Outcome succeeded(IntentSucceeded event) {
        Optional<Payment> found = paymentFor(event.intentId(), event.metadata());
        if (found.isEmpty()) {
            return ignoredForeign(event);
        }
        Payment payment = found.get();
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
        Optional<Payment> found = paymentFor(event.intentId(), event.metadata());
        if (found.isEmpty()) {
            return ignoredForeign(event);
        }
        Payment payment = found.get();
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
        Optional<Payment> found = paymentFor(event.intentId(), event.metadata());
        if (found.isEmpty()) {
            return ignoredForeign(event);
        }
        Payment payment = found.get();
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
            return ignoredForeign(event);
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
        }).orElseGet(() -> ignoredForeign(event));
    }

    /**
     * The payment an intent belongs to, locked. An intent that names one of our payments in its metadata but is not
     * known yet is answered with 503, so Stripe redelivers it later; intents of other integrations are ignored.
     */
    private Optional<Payment> paymentFor(String intentId, Map<String, String> metadata) {
        return inFlowOf(lookUp(intentId, metadata));
    }

    /** Events published for a payment carry the correlation id of its checkout. */
    private static Optional<Payment> inFlowOf(Optional<Payment> payment) {
        payment.map(Payment::correlationId).ifPresent(CorrelationId::set);
        return payment;
    }

    private Optional<Payment> lookUp(String intentId, Map<String, String> metadata) {
        Optional<Payment> byIntent = intentId == null ? Optional.empty() : payments.lockByIntentId(intentId);
        if (byIntent.isPresent()) {
            return byIntent;
        }
        String paymentId = metadata == null ? null : metadata.get(METADATA_PAYMENT_ID);
        if (paymentId == null) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Payment> byId = payments.lockById(id);
        if (byId.isEmpty()) {
            throw ApiException.unavailable("payment-not-yet-known",
                    "Payment " + paymentId + " is not recorded yet; deliver the event again later");
        }
        if (byId.get().providerIntentId() != null && !byId.get().providerIntentId().equals(intentId)) {
            log.warn("Webhook for intent {} names payment {} of intent {}; ignored", intentId, paymentId,
                    byId.get().providerIntentId());
            return Optional.empty();
        }
        return byId;
    }

    private Outcome ignoredForeign(ProviderEvent event) {
        log.info("Webhook {} eventId={} concerns nothing of ours; ignored", event.type(), event.eventId());
        return Outcome.IGNORED;
    }
}
