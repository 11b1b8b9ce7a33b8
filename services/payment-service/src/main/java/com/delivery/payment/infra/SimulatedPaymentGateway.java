package com.delivery.payment.infra;

import com.delivery.payment.app.PaymentGateway;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Stripe where no secret key is configured (local development, the fleet). No money moves. Ids are
 * deterministic ({@code pi_sim_<payment id>}, {@code re_sim_...}, {@code acct_sim_...}, {@code tr_sim_...},
 * {@code cus_sim_<user id>}, {@code seti_sim_...}, {@code po_sim_...}) so a
 * journey can predict them; payments complete through the same signed webhook path as with Stripe, posted by
 * whoever plays the customer. Connected accounts are enabled at once.
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);
    private final Clock clock;

    public SimulatedPaymentGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulated";
    }

    public static String intentIdFor(UUID paymentId) {
        return "pi_sim_" + hex(paymentId);
    }

    @Override
    public CreatedIntent createIntent(IntentRequest request) {
        String intentId = intentIdFor(request.paymentId());
        log.warn("SIMULATED payment intent {} for orderId={} amountMinor={} {}: no money moves", intentId,
                request.orderId(), request.amountMinor(), request.currency());
        return new CreatedIntent(intentId, secretOf(intentId), "requires_payment_method");
    }

    @Override
    public String clientSecret(String intentId) {
        return secretOf(intentId);
    }

    @Override
    public CancelOutcome cancelIntent(String intentId, UUID paymentId) {
        log.warn("SIMULATED cancel of intent {}", intentId);
        return CancelOutcome.CANCELLED;
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        log.warn("SIMULATED refund of {} on intent {}", request.amountMinor(), request.intentId());
        return new ProviderRefund("re_sim_" + hex(request.refundId()), "succeeded");
    }

    @Override
    public Optional<String> destinationTransfer(String intentId) {
        return Optional.of("tr_sim_" + intentId.replaceFirst("^pi_sim_", "").replace("pi_", ""));
    }

    @Override
    public CreatedAccount createConnectedAccount(AccountRequest request) {
        log.warn("SIMULATED connected account for vendorId={}", request.vendorId());
        return new CreatedAccount("acct_sim_" + hex(request.vendorId()), true, true, true);
    }

    @Override
    public OnboardingLink onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        return new OnboardingLink(returnUrl + "?simulated=true&account=" + accountId,
                clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Override
    public String createCustomer(UUID userId, String email) {
        log.warn("SIMULATED customer for userId={}", userId);
        return "cus_sim_" + hex(userId);
    }

    @Override
    public CreatedSetupIntent createSetupIntent(String customerId, boolean offSession, String idempotencyKey) {
        String id = "seti_sim_" + hex(UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)));
        log.warn("SIMULATED setup intent {} for customer {}", id, customerId);
        return new CreatedSetupIntent(id, secretOf(id), "requires_payment_method");
    }

    @Override
    public AttachedPaymentMethod attachPaymentMethod(String customerId, String paymentMethodId,
            String idempotencyKey) {
        log.warn("SIMULATED attach of {} to customer {}", paymentMethodId, customerId);
        return new AttachedPaymentMethod(paymentMethodId, "card", "visa", "4242");
    }

    /** Nothing moves, so a simulated connected account has an empty balance in EUR. */
    @Override
    public AccountBalance balance(String accountId) {
        List<Money> zero = List.of(new Money(0, "EUR"));
        return new AccountBalance(zero, zero, zero);
    }

    @Override
    public CreatedPayout createPayout(PayoutRequest request) {
        String id = "po_sim_" + hex(UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8)));
        log.warn("SIMULATED {} payout {} of {} {} from {}: no money moves", request.instant() ? "instant"
                : "standard", id, request.amountMinor(), request.currency(), request.accountId());
        return new CreatedPayout(id, request.amountMinor(), request.currency(), request.instant() ? "instant"
                : "standard", "paid", clock.instant());
    }

    private static String secretOf(String intentId) {
        return intentId + "_secret_simulated";
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
