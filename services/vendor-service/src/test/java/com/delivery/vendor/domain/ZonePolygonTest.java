package com.delivery.vendor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZonePolygonTest {

    private static List<Double> p(double lng, double lat) {
        return List.of(lng, lat);
    }

    @Test
    void aClosedSquareCoversItsInsideAndBorderButNotOutside() {
        ZonePolygon square = ZonePolygon.of(List.of(List.of(p(13, 52), p(14, 52), p(14, 53), p(13, 53), p(13, 52))));

        assertThat(square.contains(52.5, 13.5)).isTrue();
        assertThat(square.contains(52.0, 13.5)).as("on the border").isTrue();
        assertThat(square.contains(54, 13.5)).isFalse();
        assertThat(ZonePolygon.fromWkt(square.toWkt()).coordinates()).isEqualTo(square.coordinates());
    }

    @Test
    void anUnclosedRingIsRefused() {
        assertThatThrownBy(() -> ZonePolygon.of(List.of(List.of(p(13, 52), p(14, 52), p(14, 53), p(13, 53)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not closed");
    }

    @Test
    void aSelfIntersectingBowTieIsRefused() {
        assertThatThrownBy(() -> ZonePolygon.of(List.of(List.of(p(13, 52), p(14, 53), p(14, 52), p(13, 53), p(13, 52)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("self-intersection");
    }

    @Test
    void coordinatesOffTheEarthAreRefused() {
        assertThatThrownBy(() -> ZonePolygon.of(List.of(List.of(p(190, 52), p(14, 52), p(14, 53), p(190, 52)))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("coordinates-out-of-range"));
    }

    @Test
    void tooFewPositionsAreRefused() {
        assertThatThrownBy(() -> ZonePolygon.of(List.of(List.of(p(13, 52), p(14, 52), p(13, 52)))))
                .isInstanceOf(InvalidInputException.class);
    }
}
