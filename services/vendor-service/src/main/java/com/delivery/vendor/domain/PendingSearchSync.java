package com.delivery.vendor.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A vendor whose search documents must be rebuilt from PostgreSQL: written in the transaction of the change, so a
 * committed change always leaves one behind, and deleted only once the index shows that change. Every change of the
 * same vendor folds into its one entry; {@code version} counts them, so a sync that read an older state never
 * deletes the entry of a newer one.
 *
 * <p>A claim is a lease: while it runs no other worker takes the entry, and if the claimer dies it simply expires.
 *
 * @param removedItemIds menu items deleted since the index last showed this vendor (gone from the database, so only
 *                       known from here)
 * @param failures failed attempts in a row, the base of the back-off
 * @param claimedUntil when the claim of the worker applying it expires; null when nobody does
 * @param lastError why the last attempt failed, for whoever looks at the queue; null after success
 */
public record PendingSearchSync(UUID vendorId, Set<UUID> removedItemIds, long version, int failures,
        Instant nextAttemptAt, Instant claimedUntil, String lastError) {

    /** The first retry comes quickly (a blip), later ones double up to {@link #LONGEST_RETRY}. */
    public static final Duration FIRST_RETRY = Duration.ofMillis(250);

    /**
     * Short on purpose: an outage ends with Elasticsearch answering again, and search should be whole again within
     * seconds of that, not after a back-off of minutes. A retry is one cheap request per waiting vendor.
     */
    public static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

    public PendingSearchSync {
        removedItemIds = Set.copyOf(removedItemIds);
    }

    public static PendingSearchSync first(UUID vendorId, Set<UUID> removedItemIds, Instant now) {
        return new PendingSearchSync(vendorId, removedItemIds, 1, 0, now, null, null);
    }

    /**
     * Another change of the same vendor: due at once, its deleted items added to those still to remove. A claim in
     * progress stays (that worker finds the newer version when it finishes and leaves the entry for the next round).
     */
    public PendingSearchSync changedAgain(Set<UUID> moreRemovedItemIds, Instant now) {
        return new PendingSearchSync(vendorId, mergeRemoved(removedItemIds, moreRemovedItemIds), version + 1,
                failures, now, claimedUntil, lastError);
    }

    public boolean isClaimedAt(Instant now) {
        return claimedUntil != null && claimedUntil.isAfter(now);
    }

    /** Due: its time has come and no worker holds it (a claim that expired counts as none). */
    public boolean isDueAt(Instant now) {
        return !isClaimedAt(now) && !nextAttemptAt.isAfter(now);
    }

    public PendingSearchSync claimed(Instant now, Duration lease) {
        return new PendingSearchSync(vendorId, removedItemIds, version, failures, nextAttemptAt, now.plus(lease),
                lastError);
    }

    /**
     * The index now shows the state read after claiming {@code appliedVersion}: nothing is left to do (empty) unless
     * the vendor changed again meanwhile; then the entry stays, unclaimed and due, for the newer state.
     */
    public Optional<PendingSearchSync> afterApplied(long appliedVersion) {
        if (version == appliedVersion) {
            return Optional.empty();
        }
        return Optional.of(new PendingSearchSync(vendorId, removedItemIds, version, 0, nextAttemptAt, null, null));
    }

    /** The attempt failed: unclaimed, due again after the next back-off step. */
    public PendingSearchSync failed(String error, Instant now) {
        int failed = failures + 1;
        return new PendingSearchSync(vendorId, removedItemIds, version, failed, now.plus(retryDelay(failed)), null,
                error);
    }

    /** Claimed but not attempted (the round stopped early): free again, as due as it was. */
    public PendingSearchSync released() {
        return new PendingSearchSync(vendorId, removedItemIds, version, failures, nextAttemptAt, null, lastError);
    }

    /** 250 ms after the first failure, then doubling: 500 ms, 1 s, 2 s, 2 s, ... */
    public static Duration retryDelay(int failures) {
        if (failures <= 1) {
            return FIRST_RETRY;
        }
        int doublings = Math.min(failures - 1, 16);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /** Items deleted by either change; removing one twice from the index is harmless, missing one is not. */
    public static Set<UUID> mergeRemoved(Set<UUID> removed, Set<UUID> moreRemoved) {
        if (moreRemoved.isEmpty()) {
            return removed;
        }
        Set<UUID> merged = new LinkedHashSet<>(removed);
        merged.addAll(moreRemoved);
        return Set.copyOf(merged);
    }
}
