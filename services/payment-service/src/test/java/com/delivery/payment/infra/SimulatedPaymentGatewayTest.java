package com.delivery.payment.infra;

import static org.assertj.core.api.Assertions.assertThat;

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
}
