package com.delivery.payment.domain;

import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentFailed;
import com.delivery.events.PaymentRefunded;
import com.delivery.payment.domain.PaymentRuleViolation.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer's payment for one order, as a Stripe destination charge. State moves only through the methods
 * below; each returns the event to publish, if the move happened.
 */
@Entity
@Table(name = "payments")
public class Payment {

    /** What cancelling the order asks of the payment provider. */
    public enum CancelAction {
        /** Nothing to do: no intent, or already cancelled or refunded. */
        NOTHING,
        /** Cancel the intent so it can never be charged. */
        CANCEL_INTENT,
        /** The money was captured: give back what has not been refunded yet. */
        REFUND_REMAINING
    }

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    private UUID orderId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    /** As at checkout, for the intent's description; null on payments opened before it was kept. */
    @Column(name = "vendor_name")
    private String vendorName;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "platform_fee_minor", nullable = false)
    private long platformFeeMinor;

    @Column(name = "application_fee_minor", nullable = false)
    private long applicationFeeMinor;

    @Column(name = "vendor_share_minor", nullable = false)
    private long vendorShareMinor;

    @Column(name = "destination_account_id")
    private String destinationAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(name = "provider_intent_id")
    private String providerIntentId;

    @Column(name = "provider_charge_id")
    private String providerChargeId;

    @Column(name = "provider_transfer_id")
    private String providerTransferId;

    @Column(name = "captured_minor", nullable = false)
    private long capturedMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "captured_at")
    private Instant capturedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** The order's cancel reason ({@code OUT_OF_STOCK}, {@code CUSTOMER_REQUEST}, ...), once it was cancelled. */
    @Column(name = "cancel_reason")
    private String cancelReason;

    /** When the stock was held and the intent asked for; null until then (see {@link #requestIntent}). */
    @Column(name = "intent_requested_at")
    private Instant intentRequestedAt;

    /** Attempts to create the intent that could not reach the provider. */
    @Column(name = "intent_attempts", nullable = false)
    private int intentAttempts;

    /** When the retry sweep sends the intent request again if no answer was booked by then. */
    @Column(name = "intent_next_attempt_at")
    private Instant intentNextAttemptAt;

    @Version
    private Long version;

    protected Payment() {
    }

    private Payment(UUID orderId, UUID customerId, UUID vendorId, String vendorName, String currency,
            ChargeSplit split, String destinationAccountId, String correlationId, Instant now) {
        this.id = idFor(orderId);
        this.orderId = orderId;
        this.customerId = customerId;
        this.vendorId = vendorId;
        this.vendorName = vendorName;
        this.currency = currency;
        this.amountMinor = split.totalMinor();
        this.platformFeeMinor = split.platformFeeMinor();
        this.applicationFeeMinor = split.applicationFeeMinor();
        this.vendorShareMinor = split.vendorShareMinor();
        this.destinationAccountId = destinationAccountId;
        this.status = PaymentStatus.AWAITING_STOCK;
        this.correlationId = correlationId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A payment for the order's total, {@link PaymentStatus#AWAITING_STOCK} until its intent is attached (the intent
     * is only created once the vendor holds the stock, see {@link IntentGate}); {@code destinationAccountId} is null
     * when the vendor has no usable account.
     */
    public static Payment open(UUID orderId, UUID customerId, UUID vendorId, String vendorName, String currency,
            ChargeSplit split, String destinationAccountId, String correlationId, Instant now) {
        return new Payment(orderId, customerId, vendorId, vendorName, currency, split, destinationAccountId,
                correlationId, now);
    }

    /**
     * The payment id of an order. Derived, not random, so a redelivered or retried {@code order.created} finds the
     * same payment and sends Stripe the same idempotency key.
     */
    public static UUID idFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("payment:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** The intent the provider created for this payment: the payment now waits for the customer's money. */
    public void attachIntent(String intentId, Instant now) {
        if (providerIntentId != null && !providerIntentId.equals(intentId)) {
            throw new IllegalStateException("Payment " + id + " already has intent " + providerIntentId);
        }
        if (providerIntentId == null) {
            requireStatus(PaymentStatus.AWAITING_STOCK);
            this.status = PaymentStatus.REQUIRES_PAYMENT;
        }
        this.providerIntentId = intentId;
        this.updatedAt = now;
    }

    /** What became of an intent the provider created for this payment, when its answer is booked. */
    public enum IntentArrival {
        /** The payment waited for it and now waits for the customer's money. */
        ATTACHED,
        /** Booked before (a retried or concurrent attempt got the same intent back): nothing changes. */
        ALREADY_ATTACHED,
        /** The order was cancelled (or the payment gave up) while Stripe worked: the intent must be cancelled. */
        CANCEL_AT_PROVIDER
    }

    /**
     * The vendor holds the stock: the intent is to be created, after the deciding transaction commits (no database
     * connection waits on Stripe). The first attempt gets {@code firstAnswerWithin}; a request still open then is
     * sent again by the retry sweep, with the same idempotency key. False when it was requested before.
     */
    public boolean requestIntent(Instant now, Duration firstAnswerWithin) {
        requireStatus(PaymentStatus.AWAITING_STOCK);
        if (intentRequestedAt != null) {
            return false;
        }
        this.intentRequestedAt = now;
        this.intentNextAttemptAt = now.plus(firstAnswerWithin);
        this.updatedAt = now;
        return true;
    }

    /** Whether the intent was asked for and its creation is still open (the payment waits for its answer). */
    public boolean awaitsIntent() {
        return status == PaymentStatus.AWAITING_STOCK && intentRequestedAt != null;
    }

    /** The provider created {@code intentId} for this payment: attach it, or say it must be undone. */
    public IntentArrival intentCreated(String intentId, Instant now) {
        if (intentId.equals(providerIntentId)) {
            return IntentArrival.ALREADY_ATTACHED;
        }
        if (status == PaymentStatus.AWAITING_STOCK) {
            attachIntent(intentId, now);
            this.intentNextAttemptAt = null;
            return IntentArrival.ATTACHED;
        }
        if (providerIntentId == null) {
            // kept for the record: which intent of ours the provider holds, cancelled by the caller
            this.providerIntentId = intentId;
            this.updatedAt = now;
        }
        return IntentArrival.CANCEL_AT_PROVIDER;
    }

    /**
     * An attempt to create the intent could not reach the provider (network, rate limit, outage, timeout). It is
     * tried again after {@link IntentRetries#delayAfter} the attempts so far; once {@code giveUpAfter} has passed
     * since the request, the payment fails ({@code PROVIDER_UNAVAILABLE}) so the order does not wait forever.
     */
    public Optional<PaymentFailed> intentAttemptFailed(Instant now, Duration giveUpAfter, String reason) {
        if (!awaitsIntent()) {
            return Optional.empty();
        }
        this.intentAttempts++;
        this.updatedAt = now;
        if (!now.isBefore(intentRequestedAt.plus(giveUpAfter))) {
            this.intentNextAttemptAt = null;
            return fail("PROVIDER_UNAVAILABLE", reason, now);
        }
        this.intentNextAttemptAt = now.plus(IntentRetries.delayAfter(intentAttempts));
        return Optional.empty();
    }

    public int intentAttempts() {
        return intentAttempts;
    }

    public Instant intentNextAttemptAt() {
        return intentNextAttemptAt;
    }

    /** What the customer's bank statement and the provider's dashboard show for the intent. */
    public String intentDescription() {
        return vendorName == null ? "Order " + orderId : "Order " + orderId + " at " + vendorName;
    }

    /** Whether the payment is open but has no intent yet, because the vendor has not held the stock. */
    public boolean awaitsStock() {
        return status == PaymentStatus.AWAITING_STOCK;
    }

    /** The order was cancelled before this payment was even opened: it is opened cancelled, with no intent. */
    public void cancelBeforeIntent(String reason, Instant now) {
        requireStatus(PaymentStatus.AWAITING_STOCK);
        this.status = PaymentStatus.CANCELLED;
        this.cancelledAt = now;
        this.cancelReason = reason;
        this.updatedAt = now;
    }

    /**
     * The provider captured the money. Also accepted after a failure or a cancel (a customer may still complete
     * an intent the provider had not cancelled yet); {@link #orderCancelled()} then tells the caller to refund.
     */
    public Optional<PaymentCompleted> succeed(long amountReceived, String chargeId, Instant now) {
        if (status.isCaptured()) {
            recordCharge(chargeId);
            return Optional.empty();
        }
        this.status = PaymentStatus.SUCCEEDED;
        this.capturedMinor = amountReceived;
        this.capturedAt = now;
        this.failureCode = null;
        this.failureReason = null;
        recordCharge(chargeId);
        this.updatedAt = now;
        return Optional.of(new PaymentCompleted(id, orderId, customerId, capturedMinor, currency, providerIntentId));
    }

    /**
     * The attempt failed, or its intent could not be created. Only a payment still waiting for money (or for its
     * intent) can fail; a late failure notice changes nothing.
     */
    public Optional<PaymentFailed> fail(String code, String reason, Instant now) {
        if (status != PaymentStatus.REQUIRES_PAYMENT && status != PaymentStatus.AWAITING_STOCK) {
            return Optional.empty();
        }
        this.status = PaymentStatus.FAILED;
        this.failureCode = code;
        this.failureReason = reason;
        this.updatedAt = now;
        return Optional.of(new PaymentFailed(id, orderId, customerId, amountMinor, currency, providerIntentId, code,
                reason));
    }

    /**
     * The order was cancelled (for {@code reason}): remembers it and says what the provider must do. A payment still
     * waiting for the stock hold has no intent, so nothing is asked of the provider.
     */
    public CancelAction cancelForOrder(String reason, Instant now) {
        if (cancelledAt == null) {
            this.cancelledAt = now;
            this.cancelReason = reason;
            this.updatedAt = now;
        }
        return switch (status) {
            case AWAITING_STOCK, REQUIRES_PAYMENT, FAILED -> {
                this.status = PaymentStatus.CANCELLED;
                yield providerIntentId == null ? CancelAction.NOTHING : CancelAction.CANCEL_INTENT;
            }
            case SUCCEEDED, PARTIALLY_REFUNDED -> CancelAction.REFUND_REMAINING;
            case CANCELLED, REFUNDED -> CancelAction.NOTHING;
        };
    }

    /** Throws unless {@code amountMinor} can be refunded now. */
    public void checkRefundable(long amount) {
        if (!status.isCaptured()) {
            throw new PaymentRuleViolation(Kind.CONFLICT, "payment-not-captured",
                    "Payment " + id + " is " + status + "; only captured payments can be refunded");
        }
        if (refundableMinor() == 0) {
            throw new PaymentRuleViolation(Kind.CONFLICT, "already-refunded", "Payment " + id + " is fully refunded");
        }
        if (amount <= 0) {
            throw new PaymentRuleViolation(Kind.UNPROCESSABLE, "invalid-refund-amount",
                    "A refund must be at least 1 minor unit");
        }
        if (amount > refundableMinor()) {
            throw new PaymentRuleViolation(Kind.UNPROCESSABLE, "refund-exceeds-captured",
                    "Refund of " + amount + " exceeds the " + refundableMinor() + " " + currency
                            + " still refundable (captured " + capturedMinor + ", refunded " + refundedMinor + ")");
        }
    }

    /** Books a refund the provider accepted. */
    public Refund refund(UUID refundId, long amount, String reason, String providerRefundId, RefundStatus refundStatus,
            UUID requestedBy, Instant now) {
        checkRefundable(amount);
        this.refundedMinor += amount;
        this.status = refundedMinor == capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        this.updatedAt = now;
        return new Refund(refundId, id, amount, currency, reason, refundStatus, providerRefundId, requestedBy, now);
    }

    /**
     * The provider reports {@code providerRefundedTotal} refunded on the charge. Refunds made elsewhere (the Stripe
     * dashboard) show up as a difference to what we booked, and are booked now.
     */
    public Optional<Refund> reconcileRefundedTotal(long providerRefundedTotal, UUID refundId, Instant now) {
        long missing = Math.min(providerRefundedTotal, capturedMinor) - refundedMinor;
        if (!status.isCaptured() || missing <= 0) {
            return Optional.empty();
        }
        return Optional.of(refund(refundId, missing, "PROVIDER", null, RefundStatus.SUCCEEDED, null, now));
    }

    public PaymentRefunded refundedEvent(Refund refund) {
        return new PaymentRefunded(id, orderId, customerId, refund.amountMinor(), currency, providerIntentId,
                refund.reason());
    }

    /** The destination charge's transfer to the vendor's connected account, as the provider reported it. */
    public void recordTransfer(String chargeId, String transferId, Instant now) {
        recordCharge(chargeId);
        if (transferId != null) {
            this.providerTransferId = transferId;
        }
        this.updatedAt = now;
    }

    private void recordCharge(String chargeId) {
        if (chargeId != null) {
            this.providerChargeId = chargeId;
        }
    }

    private void requireStatus(PaymentStatus expected) {
        if (status != expected) {
            throw new PaymentRuleViolation(Kind.CONFLICT, "invalid-payment-state",
                    "Payment " + id + " is " + status + ", expected " + expected);
        }
    }

    public long refundableMinor() {
        return status.isCaptured() ? capturedMinor - refundedMinor : 0;
    }

    /** Whether the order was cancelled (a capture arriving now must be given back). */
    public boolean orderCancelled() {
        return cancelledAt != null;
    }

    public boolean hasDestination() {
        return destinationAccountId != null;
    }

    public boolean isOwnedBy(UUID userId) {
        return customerId.equals(userId);
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public String currency() {
        return currency;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public long platformFeeMinor() {
        return platformFeeMinor;
    }

    public long applicationFeeMinor() {
        return applicationFeeMinor;
    }

    public long vendorShareMinor() {
        return vendorShareMinor;
    }

    public String destinationAccountId() {
        return destinationAccountId;
    }

    public PaymentStatus status() {
        return status;
    }

    public String providerIntentId() {
        return providerIntentId;
    }

    public String providerChargeId() {
        return providerChargeId;
    }

    public String providerTransferId() {
        return providerTransferId;
    }

    public long capturedMinor() {
        return capturedMinor;
    }

    public long refundedMinor() {
        return refundedMinor;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public String vendorName() {
        return vendorName;
    }
}
