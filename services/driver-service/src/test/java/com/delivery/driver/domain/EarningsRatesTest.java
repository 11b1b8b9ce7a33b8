package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EarningsRatesTest {

    private final EarningsRates rates = new EarningsRates(250, 60);

    @Test
    void theDistancePartIsPerKmRoundedHalfEven() {
        assertThat(rates.distancePartMinor(0)).isZero();
        assertThat(rates.distancePartMinor(1000)).isEqualTo(60);
        assertThat(rates.distancePartMinor(2350)).isEqualTo(141);
        assertThat(rates.distancePartMinor(4125)).as("247.5 rounds to even").isEqualTo(248);
        assertThat(rates.distancePartMinor(4175)).as("250.5 rounds to even").isEqualTo(250);
    }

    @Test
    void aDeliveryEarnsBasePlusDistancePlusTheWholeTip() {
        Earning earning = rates.earningFor(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), 2350, 150, "EUR");

        assertThat(earning.baseMinor()).isEqualTo(250);
        assertThat(earning.distanceMinor()).isEqualTo(141);
        assertThat(earning.tipMinor()).isEqualTo(150);
        assertThat(earning.totalMinor()).isEqualTo(541);
    }
}
