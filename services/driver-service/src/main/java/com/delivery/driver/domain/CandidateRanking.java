package com.delivery.driver.domain;

import java.util.Comparator;

/**
 * The order in which nearby drivers are listed and offered an order: nearest first, distances compared in buckets
 * (by default 100 m, GPS noise makes finer differences meaningless); within a bucket the better average rating
 * (unrated drivers after rated ones), then more deliveries, then the exact distance.
 */
public final class CandidateRanking {

    private CandidateRanking() {
    }

    public static Comparator<NearbyDriver> nearestThenBest(int bucketMeters) {
        int bucket = Math.max(1, bucketMeters);
        return Comparator.<NearbyDriver>comparingLong(d -> (long) Math.floor(d.distanceMeters() / bucket))
                .thenComparing(d -> d.facts().averageRating(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(d -> d.facts().deliveries(), Comparator.reverseOrder())
                .thenComparingDouble(NearbyDriver::distanceMeters)
                .thenComparing(d -> d.facts().id());
    }
}
