package com.delivery.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoolDownTest {

    private final CoolDown coolDown = new CoolDown(Duration.ofSeconds(2));

    @Test
    void aHealthyDependencyIsAlwaysCalled() {
        assertThat(coolDown.permits(0)).isTrue();
        assertThat(coolDown.permits(0)).as("by any number of callers at once").isTrue();
        assertThat(coolDown.isHealthy()).isTrue();
        assertThat(coolDown.remaining(0)).isZero();
    }

    @Test
    void afterAFailureNobodyCallsUntilTheCoolDownIsOver() {
        assertThat(coolDown.failed(1_000)).as("it was healthy until now").isTrue();

        assertThat(coolDown.permits(1_000)).isFalse();
        assertThat(coolDown.permits(2_999)).isFalse();
        assertThat(coolDown.remaining(1_500)).isEqualTo(Duration.ofMillis(1_500));
        assertThat(coolDown.isHealthy()).isFalse();
    }

    @Test
    void onceTheCoolDownIsOverOneCallerAtATimeProbes() {
        coolDown.failed(1_000);

        assertThat(coolDown.permits(3_000)).as("the first caller probes").isTrue();
        assertThat(coolDown.permits(3_001)).as("the others do without meanwhile").isFalse();
        assertThat(coolDown.permits(3_500)).isFalse();
        assertThat(coolDown.remaining(3_000)).isZero();
    }

    @Test
    void aProbeThatAnswersMakesTheDependencyHealthyForEveryone() {
        coolDown.failed(1_000);
        coolDown.permits(3_000);

        assertThat(coolDown.succeeded()).as("it recovered").isTrue();

        assertThat(coolDown.permits(3_001)).isTrue();
        assertThat(coolDown.permits(3_001)).isTrue();
        assertThat(coolDown.succeeded()).as("already healthy: no recovery to report").isFalse();
    }

    @Test
    void aProbeThatFailsStartsTheCoolDownAgain() {
        coolDown.failed(1_000);
        coolDown.permits(3_000);

        assertThat(coolDown.failed(3_250)).as("it was not healthy").isFalse();

        assertThat(coolDown.permits(5_000)).isFalse();
        assertThat(coolDown.permits(5_250)).as("two seconds after the probe failed").isTrue();
    }

    @Test
    void aCallThatAnsweredDuringTheCoolDownEndsIt() {
        // a call that started before the failure, or one that must try anyway, got an answer: Redis is there
        coolDown.failed(1_000);

        coolDown.succeeded();

        assertThat(coolDown.permits(1_001)).isTrue();
    }

    @Test
    void aProbeThatEndedWithoutAnAnswerEitherWayLetsAnotherCallerProbe() {
        coolDown.failed(1_000);
        coolDown.permits(3_000);

        coolDown.abandoned();

        assertThat(coolDown.permits(3_001)).isTrue();
        assertThat(coolDown.isHealthy()).as("still not known to be healthy").isFalse();
    }

    @Test
    void aNegativeCoolDownIsRefused() {
        assertThatThrownBy(() -> new CoolDown(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
