package com.delivery.user.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a login attempt may go ahead, from what is known about earlier failures. Throttling, never lockout: a
 * counter that is over its allowance only makes the next attempt wait, and the wait doubles with every further
 * failure (first delay, 2x, 4x ... up to the maximum), counted from the last failure. Three counters:
 *
 * <ul>
 *   <li>{@link Scope#PAIR} (account, address): always applies. After {@code pairFreeFailures} failures from one
 *       address for one account, that address waits for that account. Reset by a successful login.</li>
 *   <li>{@link Scope#ACCOUNT}: failures for the account from any address, against guessing from many addresses.
 *       Applies only to addresses that never logged into the account successfully (not "known"), so an attacker
 *       elsewhere never keeps the owner out of her usual address.</li>
 *   <li>{@link Scope#ADDRESS}: failures from one address for any account, against credential stuffing. Applies
 *       only to accounts the address never logged into, and only after a high count, so a shared address (an
 *       office, a mobile carrier's NAT) does not stop its other users.</li>
 * </ul>
 *
 * An attempt must hold exclusively ({@link Proceed#exclusive()}) the pair once it has failed, and a shared counter
 * that applies and is over its allowance: parallel requests get one guess between them, not one each, while the
 * first attempts of a pair (and every login from a known address for an account under attack) are never
 * serialized. No Spring, no I/O: the caller reads the counters, claims what the verdict names, and reads again.
 */
public record LoginThrottlePolicy(int pairFreeFailures, int accountFreeFailures, int addressFreeFailures,
        Duration firstDelay, Duration maxDelay) {

    /** Beyond this many doublings every delay is the maximum (and the arithmetic cannot overflow). */
    private static final int MAX_DOUBLINGS = 40;

    public LoginThrottlePolicy {
        if (pairFreeFailures < 1 || accountFreeFailures < 1 || addressFreeFailures < 1) {
            throw new IllegalArgumentException("free failures must be at least 1");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay, got " + firstDelay + " and " + maxDelay);
        }
    }

    public enum Scope { PAIR, ACCOUNT, ADDRESS }

    /** How many failures a counter holds and when the last one was; {@link #NONE} when nothing is remembered. */
    public record Failures(int count, Instant last) {

        public static final Failures NONE = new Failures(0, null);

        public Failures {
            if (count < 0 || (count > 0 && last == null)) {
                throw new IllegalArgumentException("failures need a time: " + count + " at " + last);
            }
        }
    }

    /**
     * @param pair failures of this account from this address
     * @param account failures of this account from any address
     * @param address failures from this address for any account
     * @param knownAddress whether this address logged into this account successfully (within the remembered period)
     */
    public record History(Failures pair, Failures account, Failures address, boolean knownAddress) {

        public static final History NONE = new History(Failures.NONE, Failures.NONE, Failures.NONE, false);
    }

    public sealed interface Verdict permits Proceed, Wait {
    }

    /** Check the password. {@code exclusive}: the shared counters this attempt must hold alone while it does. */
    public record Proceed(Set<Scope> exclusive) implements Verdict {

        public Proceed {
            exclusive = Set.copyOf(exclusive);
        }
    }

    /** Refuse without checking the password (429); {@code scope} is the counter that asks for the longest wait. */
    public record Wait(Scope scope, Duration retryAfter) implements Verdict {

        /** Whole seconds for a Retry-After header, rounded up: waiting that long is always enough. */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    public Verdict assess(History history, Instant now) {
        Wait longest = waitFor(Scope.PAIR, history.pair(), pairFreeFailures, now, null);
        Set<Scope> exclusive = EnumSet.noneOf(Scope.class);
        if (history.pair().count() > 0) {
            exclusive.add(Scope.PAIR);
        }
        if (!history.knownAddress()) {
            if (history.account().count() >= accountFreeFailures) {
                exclusive.add(Scope.ACCOUNT);
                longest = waitFor(Scope.ACCOUNT, history.account(), accountFreeFailures, now, longest);
            }
            if (history.address().count() >= addressFreeFailures) {
                exclusive.add(Scope.ADDRESS);
                longest = waitFor(Scope.ADDRESS, history.address(), addressFreeFailures, now, longest);
            }
        }
        return longest != null ? longest : new Proceed(exclusive);
    }

    /** The wait after the {@code failures}-th failure of a counter with {@code freeFailures} free ones. */
    public Duration delayAfter(int failures, int freeFailures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        if (doublings >= MAX_DOUBLINGS) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Wait waitFor(Scope scope, Failures failures, int freeFailures, Instant now, Wait longestSoFar) {
        if (failures.count() < freeFailures) {
            return longestSoFar;
        }
        Instant until = failures.last().plus(delayAfter(failures.count(), freeFailures));
        if (!now.isBefore(until)) {
            return longestSoFar;
        }
        Duration remaining = Duration.between(now, until);
        return longestSoFar == null || remaining.compareTo(longestSoFar.retryAfter()) > 0
                ? new Wait(scope, remaining) : longestSoFar;
    }
}
