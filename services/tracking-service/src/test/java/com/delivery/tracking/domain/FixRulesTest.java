package com.delivery.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FixRulesTest {

    private static final FixRules RULES = new FixRules(100, 70, Duration.ofMinutes(2), Duration.ofSeconds(30));
    private static final Instant NOW = Instant.parse("2026-03-14T19:00:00Z");
    private static final UUID DRIVER = UUID.randomUUID();

    private static LocationFix at(double lat, double lng, Instant ts, Double accuracy) {
        return new LocationFix(DRIVER, null, new Position(lat, lng), null, null, accuracy, ts, NOW);
    }

    private static Rejection rejection(Runnable check) {
        try {
            check.run();
        } catch (LocationRejectedException e) {
            return e.reason();
        }
        return null;
    }

    @Test
    void rangesAreChecked() {
        assertThat(RULES.checkRanges(52.5, 13.4, 359.0, 12.0, 8.0)).isEqualTo(new Position(52.5, 13.4));
        assertThat(RULES.checkRanges(-85.05112878, 180.0, null, null, null)).isEqualTo(new Position(-85.05112878, 180));
        // the live index (Redis GEO) cannot hold the polar regions: refused, not a 500 from Redis
        assertThat(rejection(() -> RULES.checkRanges(-90.0, 180.0, null, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(85.06, 13.4, null, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(null, 13.4, null, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(90.1, 13.4, null, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, -180.5, null, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(Double.NaN, 13.4, null, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, 13.4, -1.0, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, 13.4, 360.5, null, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, 13.4, null, -0.1, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, 13.4, null, 71.0, null))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, 13.4, null, null, -5.0))).isEqualTo(Rejection.INVALID_LOCATION);
        assertThat(rejection(() -> RULES.checkRanges(52.5, 13.4, null, null, 100.5))).isEqualTo(Rejection.POOR_ACCURACY);
    }

    @Test
    void aFixMustBeRecentAndNotFromTheFuture() {
        assertThatCode(() -> RULES.checkAgainst(at(52.5, 13.4, NOW.minusSeconds(119), 5.0), null, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> RULES.checkAgainst(at(52.5, 13.4, NOW.plusSeconds(29), 5.0), null, NOW))
                .doesNotThrowAnyException();
        assertThat(rejection(() -> RULES.checkAgainst(at(52.5, 13.4, NOW.minusSeconds(121), 5.0), null, NOW)))
                .isEqualTo(Rejection.TIMESTAMP_TOO_OLD);
        assertThat(rejection(() -> RULES.checkAgainst(at(52.5, 13.4, NOW.plusSeconds(31), 5.0), null, NOW)))
                .isEqualTo(Rejection.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void aFixMustBeNewerThanTheCurrentOne() {
        LocationFix previous = at(52.5, 13.4, NOW.minusSeconds(5), 5.0);
        assertThat(rejection(() -> RULES.checkAgainst(at(52.5, 13.4, NOW.minusSeconds(5), 5.0), previous, NOW)))
                .isEqualTo(Rejection.OUT_OF_ORDER);
        assertThat(rejection(() -> RULES.checkAgainst(at(52.5, 13.4, NOW.minusSeconds(6), 5.0), previous, NOW)))
                .isEqualTo(Rejection.OUT_OF_ORDER);
    }

    @Test
    void impossibleJumpsAreRefusedButGpsNoiseIsNot() {
        LocationFix previous = at(52.5, 13.4, NOW.minusSeconds(10), 10.0);
        // ~555 m in 10 s = 55 m/s: a fast car, believable
        assertThatCode(() -> RULES.checkAgainst(at(52.505, 13.4, NOW, 10.0), previous, NOW)).doesNotThrowAnyException();
        // ~1.1 km in 10 s = 111 m/s: not on these roads
        assertThat(rejection(() -> RULES.checkAgainst(at(52.51, 13.4, NOW, 10.0), previous, NOW)))
                .isEqualTo(Rejection.IMPOSSIBLE_JUMP);
        // 30 m within 100 ms is within the two fixes' accuracy radii (2 x 20 m): noise, not movement
        LocationFix noisy = at(52.5, 13.4, NOW.minusMillis(100), 20.0);
        assertThatCode(() -> RULES.checkAgainst(at(52.50027, 13.4, NOW, 20.0), noisy, NOW)).doesNotThrowAnyException();
    }

    @Test
    void staleMeansOlderThanTheThreshold() {
        LocationFix fix = at(52.5, 13.4, NOW.minusSeconds(30), null);
        assertThat(fix.isStale(NOW, Duration.ofSeconds(30))).isFalse();
        assertThat(fix.isStale(NOW.plusMillis(1), Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void rulesMustBePositive() {
        assertThatThrownBy(() -> new FixRules(0, 70, Duration.ofMinutes(2), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
