package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CandidateRankingTest {

    @Test
    void nearestBucketFirstThenBestRatedThenMostExperienced() {
        NearbyDriver far = driver("far", 950, 5.0, 100);
        NearbyDriver nearUnrated = driver("nearUnrated", 120, null, 0);
        NearbyDriver nearPoorlyRated = driver("nearPoorlyRated", 110, 3.0, 10);
        NearbyDriver nearTopRated = driver("nearTopRated", 190, 4.9, 1);
        NearbyDriver nearTopRatedVeteran = driver("nearTopRatedVeteran", 199, 4.9, 50);
        NearbyDriver nearest = driver("nearest", 40, 1.0, 0);

        List<String> ranked = Stream.of(far, nearUnrated, nearPoorlyRated, nearTopRated, nearTopRatedVeteran, nearest)
                .sorted(CandidateRanking.nearestThenBest(100)).map(d -> d.facts().fullName()).toList();

        assertThat(ranked).containsExactly("nearest", "nearTopRatedVeteran", "nearTopRated", "nearPoorlyRated",
                "nearUnrated", "far");
    }

    private static NearbyDriver driver(String name, double meters, Double rating, long deliveries) {
        DriverFacts facts = new DriverFacts(UUID.randomUUID(), name, VehicleType.CAR, DriverStatus.APPROVED, true,
                rating, rating == null ? 0 : 1, deliveries, false, false);
        return new NearbyDriver(facts, meters, new GeoPosition(0, 0));
    }
}
