package com.delivery.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EtaTest {

    private static final Instant NOW = Instant.parse("2026-03-14T19:00:00Z");
    private static final UUID ORDER = UUID.randomUUID();
    private static final FallbackEta FALLBACK = new FallbackEta(1.3, Map.of("BICYCLE", 15.0, "CAR", 30.0), 20);

    @Test
    void greatCircleDistanceIsHaversine() {
        // Brandenburg Gate to Alexanderplatz, about 2.2 km
        double meters = new Position(52.5163, 13.3777).distanceMeters(new Position(52.5219, 13.4132));
        assertThat(meters).isCloseTo(2_470, within(30.0));
        assertThat(new Position(0, 0).distanceMeters(new Position(0, 1))).isCloseTo(111_195, within(5.0));
    }

    @Test
    void theEstimateIsRoadDistanceAtTheVehiclesSpeed() {
        Position from = new Position(0, 0);
        Position to = new Position(0, 0.1); // 11.12 km great-circle
        Eta bike = FALLBACK.estimate(ORDER, from, to, "BICYCLE", NOW);
        assertThat(bike.source()).isEqualTo(EtaSource.ESTIMATE);
        assertThat(bike.distanceMeters()).isCloseTo(14_455, within(5L));
        assertThat(bike.etaSeconds()).isCloseTo(Math.round(14_455 / (15 / 3.6)), within(2L));
        Eta car = FALLBACK.estimate(ORDER, from, to, "car", NOW);
        assertThat(car.etaSeconds()).isCloseTo(bike.etaSeconds() / 2, within(2L));
        Eta unknown = FALLBACK.estimate(ORDER, from, to, "HOVERBOARD", NOW);
        assertThat(unknown.etaSeconds()).isCloseTo(Math.round(14_455 / (20 / 3.6)), within(2L));
        assertThat(FALLBACK.estimate(ORDER, from, from, null, NOW).etaSeconds()).isZero();
    }

    @Test
    void anEtaCountsDownBetweenComputations() {
        Eta eta = new Eta(ORDER, 300, 2000, EtaSource.GOOGLE, NOW);
        assertThat(eta.asOf(NOW.plusSeconds(40)).etaSeconds()).isEqualTo(260);
        assertThat(eta.asOf(NOW.plusSeconds(400)).etaSeconds()).isZero();
        assertThat(eta.asOf(NOW.plusSeconds(40)).source()).isEqualTo(EtaSource.GOOGLE);
        assertThat(eta.source().wireName()).isEqualTo("google");
    }
}
