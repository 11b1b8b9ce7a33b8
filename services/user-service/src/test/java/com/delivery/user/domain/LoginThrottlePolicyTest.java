package com.delivery.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.user.domain.LoginThrottlePolicy.Failures;
import com.delivery.user.domain.LoginThrottlePolicy.History;
import com.delivery.user.domain.LoginThrottlePolicy.Proceed;
import com.delivery.user.domain.LoginThrottlePolicy.Scope;
import com.delivery.user.domain.LoginThrottlePolicy.Verdict;
import com.delivery.user.domain.LoginThrottlePolicy.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final LoginThrottlePolicy POLICY = new LoginThrottlePolicy(5, 20, 100, Duration.ofSeconds(1), Duration.ofMinutes(15));

    static Failures failures(int count, Duration ago) {
        return new Failures(count, NOW.minus(ago));
    }

    static History pair(int count, Duration ago) {
        return new History(failures(count, ago), failures(count, ago), failures(count, ago), false);
    }

    static Wait waits(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Wait.class);
        return (Wait) verdict;
    }

    // ---- per account and address --------------------------------------------------------------------------

    @Test
    void nothingRememberedMeansGoAheadWithoutHoldingAnything() {
        assertThat(POLICY.assess(History.NONE, NOW)).isEqualTo(new Proceed(Set.of()));
    }

    @Test
    void theFreeFailuresCostNothingButAPairThatFailedIsCheckedOneAttemptAtATime() {
        Verdict verdict = POLICY.assess(pair(4, Duration.ZERO), NOW);

        assertThat(verdict).isEqualTo(new Proceed(Set.of(Scope.PAIR)));
    }

    @Test
    void afterTheFreeFailuresTheWaitDoublesWithEveryFailure() {
        assertThat(waits(POLICY.assess(pair(5, Duration.ZERO), NOW)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(waits(POLICY.assess(pair(6, Duration.ZERO), NOW)).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(waits(POLICY.assess(pair(7, Duration.ZERO), NOW)).retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(waits(POLICY.assess(pair(10, Duration.ZERO), NOW)).retryAfter()).isEqualTo(Duration.ofSeconds(32));
        assertThat(waits(POLICY.assess(pair(5, Duration.ZERO), NOW)).scope()).isEqualTo(Scope.PAIR);
    }

    @Test
    void theWaitStopsAtTheMaximumAndNeverOverflows() {
        assertThat(POLICY.delayAfter(15, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(POLICY.delayAfter(1_000_000, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(POLICY.delayAfter(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(POLICY.delayAfter(4, 5)).isZero();
    }

    @Test
    void theWaitCountsFromTheLastFailureAndThenOneMoreAttemptMayGo() {
        assertThat(waits(POLICY.assess(pair(7, Duration.ofMillis(2500)), NOW)).retryAfter()).isEqualTo(Duration.ofMillis(1500));

        Verdict waitedLongEnough = POLICY.assess(pair(7, Duration.ofSeconds(4)), NOW);

        assertThat(waitedLongEnough).isInstanceOf(Proceed.class);
        assertThat(((Proceed) waitedLongEnough).exclusive()).contains(Scope.PAIR);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(new Wait(Scope.PAIR, Duration.ofMillis(1500)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new Wait(Scope.PAIR, Duration.ofMillis(1000)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Wait(Scope.PAIR, Duration.ofMillis(3)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Wait(Scope.PAIR, Duration.ofMinutes(15)).retryAfterSeconds()).isEqualTo(900);
    }

    @Test
    void theRightPasswordFromAThrottledPairWaitsToo() {
        // the verdict comes before the password is looked at: otherwise waiting would not slow guessing at all
        History failedOften = new History(failures(9, Duration.ZERO), failures(9, Duration.ZERO), failures(9, Duration.ZERO), true);

        assertThat(waits(POLICY.assess(failedOften, NOW)).scope()).isEqualTo(Scope.PAIR);
    }

    // ---- failures elsewhere never keep the owner out of her usual address -----------------------------------

    @Test
    void anAttackOnTheAccountFromElsewhereNeverHoldsUpAKnownAddress() {
        History adaAtHome = new History(Failures.NONE, failures(5_000, Duration.ZERO), Failures.NONE, true);

        assertThat(POLICY.assess(adaAtHome, NOW)).isEqualTo(new Proceed(Set.of()));
    }

    @Test
    void addressesThatNeverLoggedInWaitOnceTheAccountFailedTooOften() {
        History stranger = new History(Failures.NONE, failures(21, Duration.ZERO), Failures.NONE, false);

        Wait wait = waits(POLICY.assess(stranger, NOW));

        assertThat(wait.scope()).isEqualTo(Scope.ACCOUNT);
        assertThat(wait.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void belowTheAccountAllowanceNobodyWaitsForTheAccount() {
        History stranger = new History(Failures.NONE, failures(19, Duration.ZERO), Failures.NONE, false);

        assertThat(POLICY.assess(stranger, NOW)).isEqualTo(new Proceed(Set.of()));
    }

    @Test
    void whenTheAccountWaitIsOverTheNextStrangerHoldsTheAccountAlone() {
        History stranger = new History(Failures.NONE, failures(20, Duration.ofSeconds(5)), Failures.NONE, false);

        assertThat(POLICY.assess(stranger, NOW)).isEqualTo(new Proceed(Set.of(Scope.ACCOUNT)));
    }

    // ---- one address's failures never keep other accounts out ------------------------------------------------

    @Test
    void anAddressThatFailedForManyAccountsStillLetsAnAccountWithoutFailuresIn() {
        History bobFromTheSameAddress = new History(Failures.NONE, Failures.NONE, failures(99, Duration.ZERO), false);

        assertThat(POLICY.assess(bobFromTheSameAddress, NOW)).isEqualTo(new Proceed(Set.of()));
    }

    @Test
    void credentialStuffingIsSlowedOnlyAfterAHighCountAndOnlyForAccountsTheAddressNeverLoggedInto() {
        Failures stuffing = failures(103, Duration.ZERO);

        Wait stranger = waits(POLICY.assess(new History(Failures.NONE, Failures.NONE, stuffing, false), NOW));
        Verdict regular = POLICY.assess(new History(Failures.NONE, Failures.NONE, stuffing, true), NOW);

        assertThat(stranger.scope()).isEqualTo(Scope.ADDRESS);
        assertThat(stranger.retryAfter()).isEqualTo(Duration.ofSeconds(8));
        assertThat(regular).as("an account that logged in from this address before").isEqualTo(new Proceed(Set.of()));
    }

    @Test
    void theLongestWaitWins() {
        History both = new History(failures(6, Duration.ZERO), failures(25, Duration.ZERO), failures(101, Duration.ZERO), false);

        Wait wait = waits(POLICY.assess(both, NOW));

        assertThat(wait.scope()).isEqualTo(Scope.ACCOUNT);
        assertThat(wait.retryAfter()).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void everyCounterOverItsAllowanceIsHeldWhenTheWaitsAreOver() {
        History all = new History(failures(6, Duration.ofHours(1)), failures(25, Duration.ofHours(1)),
                failures(101, Duration.ofHours(1)), false);

        assertThat(POLICY.assess(all, NOW)).isEqualTo(new Proceed(Set.of(Scope.PAIR, Scope.ACCOUNT, Scope.ADDRESS)));
    }

    // ---- settings --------------------------------------------------------------------------------------------

    @Test
    void nonsensicalSettingsAreRefused() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new LoginThrottlePolicy(0, 20, 100, second, second)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, 100, Duration.ZERO, second)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, 100, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Failures(3, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
