package com.delivery.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TripTest {

    private static final Instant T = Instant.parse("2026-03-14T19:00:00Z");
    private final UUID customer = UUID.randomUUID();
    private final UUID driver = UUID.randomUUID();

    private Trip trip(Instant pickedUp, Instant ended) {
        return new Trip(UUID.randomUUID(), customer, UUID.randomUUID(), driver, "Tom", "CAR",
                pickedUp == null ? null : new Position(52.5, 13.4), T, pickedUp, ended, ended == null ? null : "DELIVERED");
    }

    @Test
    void theStatusFollowsFromWhatHappened() {
        assertThat(trip(null, null).status()).isEqualTo(TripStatus.ASSIGNED);
        assertThat(trip(T, null).status()).isEqualTo(TripStatus.IN_PROGRESS);
        assertThat(trip(T, T).status()).isEqualTo(TripStatus.ENDED);
        assertThat(trip(null, T).isActive()).isFalse();
    }

    @Test
    void theCustomerAndTheDriverAreInvolvedNobodyElse() {
        Trip trip = trip(null, null);
        assertThat(trip.involves(customer)).isTrue();
        assertThat(trip.involves(driver)).isTrue();
        assertThat(trip.involves(UUID.randomUUID())).isFalse();
        assertThat(trip.involves(null)).isFalse();
        assertThat(trip.isDrivenBy(driver)).isTrue();
        assertThat(trip.isDrivenBy(customer)).isFalse();
    }
}
