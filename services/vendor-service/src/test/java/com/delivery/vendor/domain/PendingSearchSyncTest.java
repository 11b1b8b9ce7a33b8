package com.delivery.vendor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingSearchSyncTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final UUID VENDOR = UUID.randomUUID();
    private static final UUID PIZZA = UUID.randomUUID();
    private static final UUID PASTA = UUID.randomUUID();

    @Test
    void aFirstChangeIsDueAtOnce() {
        PendingSearchSync entry = PendingSearchSync.first(VENDOR, Set.of(PIZZA), NOW);

        assertThat(entry.isDueAt(NOW)).isTrue();
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.removedItemIds()).containsExactly(PIZZA);
    }

    @Test
    void theRetryDelayDoublesFrom250MillisecondsAndStopsAtTwoSeconds() {
        assertThat(PendingSearchSync.retryDelay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(PendingSearchSync.retryDelay(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(PendingSearchSync.retryDelay(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PendingSearchSync.retryDelay(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PendingSearchSync.retryDelay(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PendingSearchSync.retryDelay(Integer.MAX_VALUE)).as("no overflow after a long outage")
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFailedAttemptWaitsForItsBackOffAndKeepsEverything() {
        PendingSearchSync claimed = PendingSearchSync.first(VENDOR, Set.of(PIZZA), NOW).claimed(NOW, LEASE);

        PendingSearchSync failed = claimed.failed("connection refused", NOW);
        PendingSearchSync failedAgain = failed.claimed(NOW.plusMillis(250), LEASE)
                .failed("connection refused", NOW.plusMillis(250));

        assertThat(failed.isDueAt(NOW.plusMillis(249))).isFalse();
        assertThat(failed.isDueAt(NOW.plusMillis(250))).isTrue();
        assertThat(failedAgain.failures()).isEqualTo(2);
        assertThat(failedAgain.nextAttemptAt()).isEqualTo(NOW.plusMillis(750));
        assertThat(failedAgain.removedItemIds()).containsExactly(PIZZA);
        assertThat(failedAgain.lastError()).isEqualTo("connection refused");
    }

    @Test
    void aClaimedEntryIsNotDueUntilItsLeaseExpires() {
        PendingSearchSync claimed = PendingSearchSync.first(VENDOR, Set.of(), NOW).claimed(NOW, LEASE);

        assertThat(claimed.isDueAt(NOW.plusSeconds(29))).isFalse();
        assertThat(claimed.isDueAt(NOW.plus(LEASE))).as("the claimer died: another worker takes over").isTrue();
    }

    @Test
    void aChangeDuringAnAttemptLeavesTheEntryForTheNewerState() {
        PendingSearchSync claimed = PendingSearchSync.first(VENDOR, Set.of(PIZZA), NOW).claimed(NOW, LEASE);

        PendingSearchSync changedMeanwhile = claimed.changedAgain(Set.of(PASTA), NOW.plusMillis(10));

        assertThat(changedMeanwhile.isDueAt(NOW.plusMillis(10))).as("still with the first worker").isFalse();
        PendingSearchSync left = changedMeanwhile.afterApplied(claimed.version()).orElseThrow();
        assertThat(left.isDueAt(NOW.plusMillis(20))).isTrue();
        assertThat(left.version()).isEqualTo(2);
        assertThat(left.removedItemIds()).containsExactlyInAnyOrder(PIZZA, PASTA);
    }

    @Test
    void anAppliedEntryThatDidNotChangeIsDone() {
        PendingSearchSync claimed = PendingSearchSync.first(VENDOR, Set.of(PIZZA), NOW).claimed(NOW, LEASE);

        assertThat(claimed.afterApplied(claimed.version())).isEmpty();
    }

    @Test
    void aNewChangeOfAVendorInBackOffIsDueAtOnce() {
        PendingSearchSync failed = PendingSearchSync.first(VENDOR, Set.of(), NOW).claimed(NOW, LEASE)
                .failed("timeout", NOW);

        PendingSearchSync changed = failed.changedAgain(Set.of(), NOW.plusMillis(1));

        assertThat(changed.isDueAt(NOW.plusMillis(1))).isTrue();
        assertThat(changed.failures()).as("the back-off keeps growing while the index stays away").isEqualTo(1);
    }

    @Test
    void releasingAnUntriedEntryKeepsItDueAsItWas() {
        PendingSearchSync claimed = PendingSearchSync.first(VENDOR, Set.of(), NOW).claimed(NOW, LEASE);

        assertThat(claimed.released().isDueAt(NOW)).isTrue();
        assertThat(claimed.released().failures()).isZero();
    }

    @Test
    void removedItemsOfBothChangesAreKept() {
        assertThat(PendingSearchSync.mergeRemoved(Set.of(PIZZA), Set.of(PASTA, PIZZA)))
                .containsExactlyInAnyOrder(PIZZA, PASTA);
        assertThat(PendingSearchSync.mergeRemoved(Set.of(PIZZA), Set.of())).containsExactly(PIZZA);
        assertThat(PendingSearchSync.mergeRemoved(Set.of(), Set.of())).isEmpty();
    }
}
