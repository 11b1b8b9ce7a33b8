package com.delivery.payment.infra;

import com.delivery.payment.app.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Stripe where no secret key is configured (local development, the fleet). No money moves. Ids are
 * deterministic ({@code pi_sim_<payment id>}, {@code re_sim_...}, {@code acct_sim_...}, {@code tr_sim_...}) so a
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

    private static String secretOf(String intentId) {
        return intentId + "_secret_simulated";
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
