package com.delivery.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.PayoutPaid;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutTest {

    private static final Instant NOW = Instant.parse("2026-03-14T19:09:48Z");

    private static Payment payment(String destination, boolean paid) {
        Payment payment = Payment.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Luigi's Pizzeria",
                "EUR", ChargeSplit.of(2450, 299, 245, 200, 0, 2949), destination, "corr", NOW);
        payment.attachIntent("pi_1", NOW);
        if (paid) {
            payment.succeed(2949, "ch_1", NOW);
        }
        return payment;
    }

    @Test
    void aConnectedVendorsShareIsPaidOnceTheTransferIsKnown() {
        Payment payment = payment("acct_luigi", true);
        Payout payout = Payout.forDelivered(payment, NOW);

        assertThat(payout.status()).isEqualTo(PayoutStatus.AWAITING_TRANSFER);
        PayoutPaid paid = payout.markPaid("tr_1", NOW).orElseThrow();

        assertThat(paid).isEqualTo(new PayoutPaid(payout.id(), payment.vendorId(), 2205, "EUR", "tr_1",
                payment.orderId()));
        assertThat(payout.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(payout.markPaid("tr_1", NOW)).isEmpty();
    }

    @Test
    void aVendorWithoutAccountWaitsForOne() {
        Payout payout = Payout.forDelivered(payment(null, true), NOW);

        assertThat(payout.status()).isEqualTo(PayoutStatus.PENDING_ACCOUNT);
        assertThat(payout.markPaid("tr_1", NOW)).isEmpty();
    }

    @Test
    void nothingIsReleasedForAnUncapturedPayment() {
        assertThat(Payout.forDelivered(payment("acct_luigi", false), NOW).status()).isEqualTo(PayoutStatus.ON_HOLD);
    }
}
