package com.delivery.driver.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OfferTest {

    private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");

    @Test
    void anOfferCanBeAnsweredUntilItExpires() {
        Offer offer = new Offer(UUID.randomUUID(), UUID.randomUUID(), 500, T0, T0.plusSeconds(30));

        assertThat(offer.isOpenAt(T0.plusSeconds(29))).isTrue();
        assertThat(offer.isOpenAt(T0.plusSeconds(30))).isFalse();
        assertThatThrownBy(() -> offer.accept(T0.plusSeconds(30))).isInstanceOf(DriverRuleException.class)
                .extracting(e -> ((DriverRuleException) e).code()).isEqualTo("offer-expired");
    }

    @Test
    void aClosedOfferSaysHowItEnded() {
        Offer declined = new Offer(UUID.randomUUID(), UUID.randomUUID(), 500, T0, T0.plusSeconds(30));
        declined.decline(T0.plusSeconds(1));
        Offer withdrawn = new Offer(UUID.randomUUID(), UUID.randomUUID(), 500, T0, T0.plusSeconds(30));
        withdrawn.withdraw(T0.plusSeconds(1));

        assertThatThrownBy(() -> declined.accept(T0.plusSeconds(2)))
                .extracting(e -> ((DriverRuleException) e).code()).isEqualTo("offer-declined");
        assertThatThrownBy(() -> withdrawn.accept(T0.plusSeconds(2)))
                .extracting(e -> ((DriverRuleException) e).code()).isEqualTo("offer-withdrawn");
    }
}
