package com.delivery.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.events.PaymentCompleted;
import com.delivery.events.PaymentFailed;
import com.delivery.payment.domain.Payment.CancelAction;
import com.delivery.payment.domain.Payment.IntentArrival;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-03-14T18:42:07Z");
    private final UUID orderId = UUID.randomUUID();
    private final UUID customerId = UUID.randomUUID();

    private Payment openPayment() {
        Payment payment = Payment.open(orderId, customerId, UUID.randomUUID(), "Luigi's Pizzeria", "EUR",
                ChargeSplit.of(2450, 299, 245, 200, 0, 2949), "acct_luigi", "corr-1", NOW);
        payment.attachIntent("pi_1", NOW);
        return payment;
    }

    private Payment paidPayment() {
        Payment payment = openPayment();
        payment.succeed(2949, "ch_1", NOW);
        return payment;
    }

    private Payment awaitingStock() {
        return Payment.open(orderId, customerId, UUID.randomUUID(), "Luigi's Pizzeria", "EUR",
                ChargeSplit.of(2450, 299, 245, 200, 0, 2949), "acct_luigi", "corr-1", NOW);
    }

    @Test
    void anIntentIsRequestedOnceAndAttachedWhenStripeAnswers() {
        Payment payment = awaitingStock();

        assertThat(payment.requestIntent(NOW, Duration.ofSeconds(15))).isTrue();
        assertThat(payment.requestIntent(NOW, Duration.ofSeconds(15))).as("a redelivered stock hold").isFalse();
        assertThat(payment.awaitsIntent()).isTrue();
        assertThat(payment.intentNextAttemptAt()).isEqualTo(NOW.plusSeconds(15));

        assertThat(payment.intentCreated("pi_1", NOW)).isEqualTo(IntentArrival.ATTACHED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
        assertThat(payment.awaitsIntent()).isFalse();
        assertThat(payment.intentNextAttemptAt()).isNull();
        assertThat(payment.intentCreated("pi_1", NOW)).as("a retry that got the same intent back")
                .isEqualTo(IntentArrival.ALREADY_ATTACHED);
    }

    @Test
    void anIntentArrivingForACancelledOrderMustBeCancelledAtTheProvider() {
        Payment payment = awaitingStock();
        payment.requestIntent(NOW, Duration.ofSeconds(15));
        assertThat(payment.cancelForOrder("CUSTOMER_REQUEST", NOW)).isEqualTo(CancelAction.NOTHING);

        assertThat(payment.intentCreated("pi_1", NOW)).isEqualTo(IntentArrival.CANCEL_AT_PROVIDER);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.providerIntentId()).isEqualTo("pi_1");
    }

    @Test
    void aProviderThatCannotBeReachedIsAskedAgainWithABackOffThenThePaymentFails() {
        Payment payment = awaitingStock();
        Duration giveUp = Duration.ofMinutes(2);
        payment.requestIntent(NOW, Duration.ofSeconds(15));

        assertThat(payment.intentAttemptFailed(NOW, giveUp, "unreachable")).isEmpty();
        assertThat(payment.intentNextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        Instant later = NOW.plusSeconds(10);
        assertThat(payment.intentAttemptFailed(later, giveUp, "unreachable")).isEmpty();
        assertThat(payment.intentNextAttemptAt()).isEqualTo(later.plusSeconds(2));
        assertThat(payment.intentAttempts()).isEqualTo(2);
        assertThat(payment.awaitsIntent()).isTrue();

        PaymentFailed failed = payment.intentAttemptFailed(NOW.plus(giveUp), giveUp, "unreachable").orElseThrow();

        assertThat(failed.failureCode()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.awaitsIntent()).isFalse();
        assertThat(payment.intentAttemptFailed(NOW.plus(giveUp), giveUp, "unreachable")).as("once").isEmpty();
    }

    @Test
    void thePaymentIdIsDerivedFromTheOrder() {
        assertThat(Payment.idFor(orderId)).isEqualTo(Payment.idFor(orderId)).isNotEqualTo(Payment.idFor(UUID.randomUUID()));
        assertThat(openPayment().id()).isEqualTo(Payment.idFor(orderId));
    }

    @Test
    void succeedingCapturesTheMoneyAndSaysSoOnce() {
        Payment payment = openPayment();

        PaymentCompleted completed = payment.succeed(2949, "ch_1", NOW).orElseThrow();

        assertThat(completed).isEqualTo(new PaymentCompleted(payment.id(), orderId, customerId, 2949, "EUR", "pi_1"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.capturedMinor()).isEqualTo(2949);
        assertThat(payment.refundableMinor()).isEqualTo(2949);
        assertThat(payment.succeed(2949, "ch_1", NOW)).isEmpty();
    }

    @Test
    void failingIsOnlyPossibleWhileWaitingForMoney() {
        Payment payment = openPayment();

        PaymentFailed failed = payment.fail("card_declined", "Your card was declined.", NOW).orElseThrow();

        assertThat(failed.providerReference()).isEqualTo("pi_1");
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.fail("card_declined", "again", NOW)).isEmpty();
        assertThat(paidPayment().fail("card_declined", "late", NOW)).isEmpty();
    }

    @Test
    void aSuccessAfterAFailureStillCounts() {
        Payment payment = openPayment();
        payment.fail("card_declined", "Declined", NOW);

        assertThat(payment.succeed(2949, "ch_2", NOW)).isPresent();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.failureCode()).isNull();
    }

    @Test
    void cancellingAnOpenPaymentCancelsTheIntent() {
        Payment payment = openPayment();

        assertThat(payment.cancelForOrder("CUSTOMER_REQUEST", NOW)).isEqualTo(CancelAction.CANCEL_INTENT);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.orderCancelled()).isTrue();
        assertThat(payment.cancelForOrder("CUSTOMER_REQUEST", NOW)).isEqualTo(CancelAction.NOTHING);
    }

    @Test
    void cancellingAPaidPaymentRefundsTheRemainder() {
        Payment payment = paidPayment();

        assertThat(payment.cancelForOrder("CUSTOMER_REQUEST", NOW)).isEqualTo(CancelAction.REFUND_REMAINING);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aCaptureAfterTheCancelIsFlaggedForRefund() {
        Payment payment = openPayment();
        payment.cancelForOrder("CUSTOMER_REQUEST", NOW);

        assertThat(payment.succeed(2949, "ch_1", NOW)).isPresent();
        assertThat(payment.orderCancelled()).isTrue();
        assertThat(payment.refundableMinor()).isEqualTo(2949);
    }

    @Test
    void aPaymentOpenedForACancelledOrderHasNothingToUndo() {
        Payment payment = Payment.open(orderId, customerId, UUID.randomUUID(), "Luigi's Pizzeria", "EUR",
                ChargeSplit.of(2450, 299, 245, 200, 0, 2949), null, "corr", NOW);

        payment.cancelBeforeIntent("OUT_OF_STOCK", NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.cancelReason()).isEqualTo("OUT_OF_STOCK");
        assertThat(payment.cancelForOrder("CUSTOMER_REQUEST", NOW)).isEqualTo(CancelAction.NOTHING);
        assertThat(payment.cancelReason()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void aNewPaymentWaitsForTheStockHoldWithoutIntent() {
        Payment payment = Payment.open(orderId, customerId, UUID.randomUUID(), "Luigi's Pizzeria", "EUR",
                ChargeSplit.of(2450, 299, 245, 200, 0, 2949), "acct_luigi", "corr", NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.AWAITING_STOCK);
        assertThat(payment.awaitsStock()).isTrue();
        assertThat(payment.providerIntentId()).isNull();
        assertThat(payment.amountMinor()).isEqualTo(2949);
        assertThat(payment.intentDescription()).isEqualTo("Order " + orderId + " at Luigi's Pizzeria");

        payment.attachIntent("pi_1", NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT);
        assertThat(payment.awaitsStock()).isFalse();
        assertThatThrownBy(() -> payment.attachIntent("pi_2", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancellingAPaymentThatWaitsForStockAsksNothingOfTheProvider() {
        Payment payment = Payment.open(orderId, customerId, UUID.randomUUID(), "Luigi's Pizzeria", "EUR",
                ChargeSplit.of(2450, 299, 245, 200, 0, 2949), null, "corr", NOW);

        assertThat(payment.cancelForOrder("OUT_OF_STOCK", NOW)).isEqualTo(CancelAction.NOTHING);

        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.cancelReason()).isEqualTo("OUT_OF_STOCK");
        assertThat(payment.orderCancelled()).isTrue();
        assertThat(payment.refundableMinor()).isZero();
        assertThatThrownBy(() -> payment.attachIntent("pi_1", NOW)).isInstanceOf(PaymentRuleViolation.class);
    }

    @Test
    void anIntentThatCannotBeCreatedFailsThePayment() {
        Payment payment = Payment.open(orderId, customerId, UUID.randomUUID(), "Luigi's Pizzeria", "EUR",
                ChargeSplit.of(2450, 299, 245, 200, 0, 2949), null, "corr", NOW);

        PaymentFailed failed = payment.fail("PROVIDER_UNAVAILABLE", "Try again", NOW).orElseThrow();

        assertThat(failed.providerReference()).isNull();
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void refundsAddUpToTheCapturedAmountAndNoFurther() {
        Payment payment = paidPayment();

        Refund first = payment.refund(UUID.randomUUID(), 1000, "ADMIN", "re_1", RefundStatus.SUCCEEDED, null, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refundedEvent(first).amountMinor()).isEqualTo(1000);

        assertThatThrownBy(() -> payment.checkRefundable(1950)).isInstanceOfSatisfying(PaymentRuleViolation.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(PaymentRuleViolation.Kind.UNPROCESSABLE);
                    assertThat(e.code()).isEqualTo("refund-exceeds-captured");
                });
        payment.refund(UUID.randomUUID(), 1949, "ADMIN", "re_2", RefundStatus.SUCCEEDED, null, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThatThrownBy(() -> payment.checkRefundable(1)).isInstanceOfSatisfying(PaymentRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("already-refunded"));
    }

    @Test
    void anUncapturedPaymentCannotBeRefunded() {
        assertThatThrownBy(() -> openPayment().checkRefundable(100)).isInstanceOfSatisfying(
                PaymentRuleViolation.class, e -> assertThat(e.kind()).isEqualTo(PaymentRuleViolation.Kind.CONFLICT));
    }

    @Test
    void providerRefundsAreBookedByTheirDifference() {
        Payment payment = paidPayment();
        payment.refund(UUID.randomUUID(), 500, "ADMIN", "re_1", RefundStatus.SUCCEEDED, null, NOW);

        assertThat(payment.reconcileRefundedTotal(500, UUID.randomUUID(), NOW)).isEmpty();
        Refund external = payment.reconcileRefundedTotal(800, UUID.randomUUID(), NOW).orElseThrow();

        assertThat(external.amountMinor()).isEqualTo(300);
        assertThat(external.reason()).isEqualTo("PROVIDER");
        assertThat(payment.refundedMinor()).isEqualTo(800);
    }
}
