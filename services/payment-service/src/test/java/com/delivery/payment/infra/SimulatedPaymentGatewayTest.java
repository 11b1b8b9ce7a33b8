package com.delivery.payment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.payment.app.PaymentGateway;
import com.delivery.payment.app.PaymentGateway.AccountRequest;
import com.delivery.payment.app.PaymentGateway.CancelOutcome;
import com.delivery.payment.app.PaymentGateway.CreatedIntent;
import com.delivery.payment.app.PaymentGateway.IntentRequest;
import com.delivery.payment.app.PaymentGateway.RefundRequest;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {

    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(Clock.systemUTC());

    @Test
    void givesDeterministicSimulatedIds() {
        UUID paymentId = UUID.fromString("cd507710-2943-45f3-83ad-92b2b3e8adb2");
        IntentRequest request = new IntentRequest(paymentId, UUID.randomUUID(), 2949, "EUR", 744, null, "Order");

        CreatedIntent intent = gateway.createIntent(request);

        assertThat(intent.intentId()).isEqualTo("pi_sim_cd507710294345f383ad92b2b3e8adb2")
                .isEqualTo(SimulatedPaymentGateway.intentIdFor(paymentId));
        assertThat(gateway.createIntent(request)).isEqualTo(intent);
        assertThat(intent.clientSecret()).startsWith(intent.intentId() + "_secret_");
        assertThat(gateway.clientSecret(intent.intentId())).isEqualTo(intent.clientSecret());
    }

    @Test
    void cancelsRefundsAndConnectsWithoutMovingMoney() {
        UUID refundId = UUID.randomUUID();
        assertThat(gateway.cancelIntent("pi_sim_1", UUID.randomUUID())).isEqualTo(CancelOutcome.CANCELLED);
        assertThat(gateway.refund(new RefundRequest(refundId, UUID.randomUUID(), "pi_sim_1", 100, true, "ADMIN"))
                .refundId()).startsWith("re_sim_");
        assertThat(gateway.destinationTransfer("pi_sim_abc")).contains("tr_sim_abc");
        assertThat(gateway.createConnectedAccount(new AccountRequest(UUID.randomUUID(), null, "DE")).chargesEnabled())
                .isTrue();
    }

    @Test
    void savesPaymentMethodsAndPaysOutWithDeterministicIds() {
        UUID userId = UUID.fromString("0b6f3c1e-7a1d-4c59-9a55-0d6c2c3f4e11");
        assertThat(gateway.createCustomer(userId, null)).isEqualTo("cus_sim_0b6f3c1e7a1d4c599a550d6c2c3f4e11")
                .isEqualTo(gateway.createCustomer(userId, "ada@example.com"));

        var setup = gateway.createSetupIntent("cus_sim_1", true, "setup-intent-key-1");
        assertThat(setup.setupIntentId()).startsWith("seti_sim_");
        assertThat(setup.clientSecret()).startsWith(setup.setupIntentId() + "_secret_");
        assertThat(gateway.createSetupIntent("cus_sim_1", true, "setup-intent-key-1")).isEqualTo(setup);
        assertThat(gateway.createSetupIntent("cus_sim_1", true, "setup-intent-key-2").setupIntentId())
                .isNotEqualTo(setup.setupIntentId());

        var attached = gateway.attachPaymentMethod("cus_sim_1", "pm_123", "attach-1");
        assertThat(attached.paymentMethodId()).isEqualTo("pm_123");
        assertThat(attached.last4()).hasSize(4);

        assertThat(gateway.balance("acct_sim_1").available()).extracting(PaymentGateway.Money::amountMinor)
                .containsOnly(0L);
        var payout = gateway.createPayout(new PaymentGateway.PayoutRequest("acct_sim_1", 700, "EUR", true, "po-1"));
        assertThat(payout.payoutId()).startsWith("po_sim_")
                .isEqualTo(gateway.createPayout(new PaymentGateway.PayoutRequest("acct_sim_1", 700, "EUR", true,
                        "po-1")).payoutId());
        assertThat(payout.method()).isEqualTo("instant");
        assertThat(payout.amountMinor()).isEqualTo(700);
    }
}
