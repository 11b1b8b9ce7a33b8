package com.delivery.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.payment.domain.IntentGate.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntentGateTest {

    @Test
    void anOpenPaymentGetsItsIntentOnlyOnceTheStockIsHeld() {
        assertThat(IntentGate.next(PaymentStatus.AWAITING_STOCK, false, false)).isEqualTo(Step.WAIT_FOR_STOCK);
        assertThat(IntentGate.next(PaymentStatus.AWAITING_STOCK, true, false)).isEqualTo(Step.CREATE_INTENT);
    }

    @Test
    void aHoldBeforeTheOrderWaitsForTheOrder() {
        assertThat(IntentGate.next(null, true, false)).isEqualTo(Step.WAIT_FOR_ORDER);
        assertThat(IntentGate.next(null, false, false)).isEqualTo(Step.WAIT_FOR_ORDER);
    }

    @Test
    void aCancelledOrderNeverGetsAnIntent() {
        assertThat(IntentGate.next(null, true, true)).isEqualTo(Step.NOTHING);
        assertThat(IntentGate.next(PaymentStatus.AWAITING_STOCK, true, true)).isEqualTo(Step.NOTHING);
        assertThat(IntentGate.next(PaymentStatus.CANCELLED, true, false)).isEqualTo(Step.NOTHING);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = "AWAITING_STOCK", mode = EnumSource.Mode.EXCLUDE)
    void aPaymentPastWaitingNeverGetsASecondIntent(PaymentStatus status) {
        assertThat(IntentGate.next(status, true, false)).isEqualTo(Step.NOTHING);
        assertThat(IntentGate.next(status, false, false)).isEqualTo(Step.NOTHING);
    }
}
