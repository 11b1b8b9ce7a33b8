package com.delivery.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarningThrottleTest {

    private final WarningThrottle throttle = new WarningThrottle(Duration.ofSeconds(10));

    @Test
    void theFirstOccurrenceIsLoggedAtOnce() {
        assertThat(throttle.occurred(5_000)).hasValue(1);
    }

    @Test
    void occurrencesWithinTheIntervalAreHeldBackAndCountedInTheNextLine() {
        throttle.occurred(0);

        assertThat(throttle.occurred(1)).isEmpty();
        assertThat(throttle.occurred(5_000)).isEmpty();
        assertThat(throttle.occurred(9_999)).isEmpty();

        assertThat(throttle.occurred(10_000)).as("three held back and this one").hasValue(4);
        assertThat(throttle.occurred(10_001)).isEmpty();
    }

    @Test
    void afterAQuietSpellTheNextOccurrenceIsLoggedAlone() {
        throttle.occurred(0);

        assertThat(throttle.occurred(60_000)).hasValue(1);
    }
}
