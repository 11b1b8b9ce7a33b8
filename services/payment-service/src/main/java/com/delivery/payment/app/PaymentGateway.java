package com.delivery.payment.app;

import java.util.Optional;
import java.util.UUID;

/**
 * The payment provider, as the use cases need it: Stripe in production, a simulation locally. Every call that
 * creates something carries an idempotency key, so retrying after a timeout never creates it twice. Failures are
 * {@link PaymentProviderException}s.
 */
public interface PaymentGateway {

    /** Short name for logs and health: {@code stripe} or {@code simulated}. */
    String name();

    /**
     * Creates the PaymentIntent of a payment, as a destination charge when {@code destinationAccountId} is set.
     * The payment id is the idempotency key.
     */
    CreatedIntent createIntent(IntentRequest request);

    /** The client secret of an existing intent (when the cache lost it). */
    String clientSecret(String intentId);

    /** Cancels an intent so it can no longer be charged. */
    CancelOutcome cancelIntent(String intentId, UUID paymentId);

    /** Refunds (part of) a captured intent; the refund id is the idempotency key. */
    ProviderRefund refund(RefundRequest request);

    /** The transfer a captured destination charge made to the connected account, if the provider reports one. */
    Optional<String> destinationTransfer(String intentId);

    /** Creates a Connect Express account for a vendor; the vendor id makes it idempotent. */
    CreatedAccount createConnectedAccount(AccountRequest request);

    /** A fresh, short-lived onboarding link for a connected account. */
    OnboardingLink onboardingLink(String accountId, String refreshUrl, String returnUrl);

    /** Creates the provider's customer of a paying user; the user id makes it idempotent. */
    String createCustomer(UUID userId, String email);

    /** A SetupIntent that lets the customer save a payment method (for later off-session charges if asked). */
    CreatedSetupIntent createSetupIntent(String customerId, boolean offSession, String idempotencyKey);

    /** Attaches a payment method the app collected to the customer. */
    AttachedPaymentMethod attachPaymentMethod(String customerId, String paymentMethodId, String idempotencyKey);

    /** The balance of a connected account. */
    AccountBalance balance(String accountId);

    /** Pays out (part of) a connected account's balance to its bank or card. */
    CreatedPayout createPayout(PayoutRequest request);

    /**
     * @param applicationFeeMinor the platform's part; sent only with a destination
     * @param destinationAccountId the vendor's connected account, or null to charge to the platform alone
     */
    record IntentRequest(UUID paymentId, UUID orderId, long amountMinor, String currency, long applicationFeeMinor,
            String destinationAccountId, String description) {
    }

    record CreatedIntent(String intentId, String clientSecret, String status) {
    }

    enum CancelOutcome {
        /** The intent is cancelled (now or before). */
        CANCELLED,
        /** Too late: the customer's payment already went through. */
        ALREADY_SUCCEEDED
    }

    /** @param reverseTransfer take the vendor's part back from its connected account, and refund the fee */
    record RefundRequest(UUID refundId, UUID paymentId, String intentId, long amountMinor, boolean reverseTransfer,
            String reason) {
    }

    record ProviderRefund(String refundId, String status) {
    }

    record AccountRequest(UUID vendorId, String email, String country) {
    }

    record CreatedAccount(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted) {
    }

    record OnboardingLink(String url, java.time.Instant expiresAt) {
    }

    record CreatedSetupIntent(String setupIntentId, String clientSecret, String status) {
    }

    /** @param brand and last4 when the method is a card */
    record AttachedPaymentMethod(String paymentMethodId, String type, String brand, String last4) {
    }

    record Money(long amountMinor, String currency) {
    }

    record AccountBalance(java.util.List<Money> available, java.util.List<Money> pending,
            java.util.List<Money> instantAvailable) {
    }

    /** @param instant an instant payout (card/eligible bank) rather than a standard one */
    record PayoutRequest(String accountId, long amountMinor, String currency, boolean instant,
            String idempotencyKey) {
    }

    /** @param arrivalDate when the money is expected at the bank */
    record CreatedPayout(String payoutId, long amountMinor, String currency, String method, String status,
            java.time.Instant arrivalDate) {
    }
}
