package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchingJobTest {

    private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
    private static final List<Double> STEPS = List.of(3.0, 5.0, 8.0);

    @Test
    void theRadiusGrowsOneStepPerEmptyRoundUpToTheLast() {
        MatchingJob job = aJob();

        assertThat(job.radiusKm(STEPS)).isEqualTo(3.0);
        job.nobodyInRange(2, Duration.ofSeconds(10), T0);
        assertThat(job.radiusKm(STEPS)).isEqualTo(5.0);
        assertThat(job.isDue(T0.plusSeconds(9))).isFalse();
        assertThat(job.isDue(T0.plusSeconds(10))).isTrue();
        job.nobodyInRange(2, Duration.ofSeconds(10), T0);
        job.nobodyInRange(2, Duration.ofSeconds(10), T0);
        assertThat(job.radiusKm(STEPS)).isEqualTo(8.0);
    }

    @Test
    void aRoundThatMetOnlyAContendedDriverLooksAgainSoonWithinTheSameRadius() {
        MatchingJob job = aJob();

        job.contended(Duration.ofMillis(500), T0);

        assertThat(job.radiusKm(STEPS)).isEqualTo(3.0);
        assertThat(job.status()).isEqualTo(MatchingStatus.SEARCHING);
        assertThat(job.isDue(T0.plusMillis(499))).isFalse();
        assertThat(job.isDue(T0.plusMillis(500))).isTrue();
    }

    @Test
    void anOfferedJobIsDueWhenTheOfferExpires() {
        MatchingJob job = aJob();

        job.offered(UUID.randomUUID(), T0.plusSeconds(30), T0);

        assertThat(job.status()).isEqualTo(MatchingStatus.OFFERED);
        assertThat(job.isDue(T0.plusSeconds(29))).isFalse();
        assertThat(job.isDue(T0.plusSeconds(30))).isTrue();
    }

    @Test
    void givingUpSaysWhetherAnyoneWasAsked() {
        MatchingJob nobodyAsked = aJob();
        MatchingJob someoneDeclined = aJob();
        someoneDeclined.offered(UUID.randomUUID(), T0.plusSeconds(30), T0);
        someoneDeclined.searchAgain(T0.plusSeconds(5));

        assertThat(nobodyAsked.shouldGiveUp(T0.plusSeconds(299), Duration.ofMinutes(5))).isFalse();
        assertThat(nobodyAsked.shouldGiveUp(T0.plusSeconds(300), Duration.ofMinutes(5))).isTrue();
        assertThat(nobodyAsked.gaveUp(T0)).isEqualTo("NO_DRIVER_AVAILABLE");
        assertThat(someoneDeclined.gaveUp(T0)).isEqualTo("ALL_OFFERS_DECLINED");
    }

    @Test
    void aNudgeRestartsASearchThatGaveUpFromTheFirstRadius() {
        MatchingJob job = aJob();
        job.nobodyInRange(2, Duration.ofSeconds(10), T0);
        job.gaveUp(T0.plusSeconds(300));

        assertThat(job.nudge(T0.plusSeconds(400))).isTrue();

        assertThat(job.status()).isEqualTo(MatchingStatus.SEARCHING);
        assertThat(job.radiusKm(STEPS)).isEqualTo(3.0);
        assertThat(job.shouldGiveUp(T0.plusSeconds(500), Duration.ofMinutes(5))).isFalse();
        job.cancelled(T0.plusSeconds(401));
        assertThat(job.nudge(T0.plusSeconds(402))).isFalse();
    }

    private static MatchingJob aJob() {
        return MatchingJob.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Luigi's",
                new GeoPosition(52.53, 13.40), new GeoPosition(52.52, 13.41), T0, "flow-1");
    }
}
