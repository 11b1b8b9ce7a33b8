package com.delivery.vendor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockAlertTest {

    @Test
    void fallingToTheThresholdIsLowOnce() {
        assertThat(StockAlert.crossing(6, 5, 5)).isEqualTo(StockAlert.LOW);
        assertThat(StockAlert.crossing(5, 4, 5)).as("already low").isEqualTo(StockAlert.NONE);
        assertThat(StockAlert.crossing(10, 7, 5)).as("still above").isEqualTo(StockAlert.NONE);
    }

    @Test
    void reachingZeroIsOutOfStockEvenInOneJump() {
        assertThat(StockAlert.crossing(1, 0, 5)).isEqualTo(StockAlert.OUT);
        assertThat(StockAlert.crossing(20, 0, 5)).isEqualTo(StockAlert.OUT);
        assertThat(StockAlert.crossing(0, 0, 5)).isEqualTo(StockAlert.NONE);
    }

    @Test
    void restockingAboveTheThresholdReArmsTheAlert() {
        assertThat(StockAlert.crossing(3, 10, 5)).isEqualTo(StockAlert.NONE);
        assertThat(StockAlert.crossing(10, 4, 5)).isEqualTo(StockAlert.LOW);
    }

    @Test
    void aZeroThresholdOnlyEverSaysOut() {
        assertThat(StockAlert.crossing(2, 1, 0)).isEqualTo(StockAlert.NONE);
        assertThat(StockAlert.crossing(1, 0, 0)).isEqualTo(StockAlert.OUT);
    }
}
