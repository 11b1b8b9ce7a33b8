package com.delivery.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlatformFeeTest {

    @ParameterizedTest(name = "{1}% of {0} is {2}")
    @CsvSource({
            "2450, 10, 245",   // the catalogue's pizza order
            "125, 10, 12",     // 12.5 -> 12: a half goes to the even neighbour
            "135, 10, 14",     // 13.5 -> 14
            "1, 50, 0",        // 0.5 -> 0
            "3, 50, 2",        // 1.5 -> 2
            "5, 50, 2",        // 2.5 -> 2
            "126, 10, 13",     // 12.6 -> 13: not a half, ordinary rounding
            "124, 10, 12",     // 12.4 -> 12
            "1000, 12.5, 125", // fractional percentages
            "999, 12.5, 125",  // 124.875 -> 125
            "0, 10, 0",
            "2450, 0, 0",
            "2450, 100, 2450",
            "9007199254740993, 10, 900719925474099"})  // beyond double precision, still exact
    void isThePercentageOfTheSubtotalRoundedHalfEven(long subtotal, String percent, long fee) {
        assertThat(PlatformFee.of(subtotal, new BigDecimal(percent))).isEqualTo(fee);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> PlatformFee.of(-1, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformFee.of(100, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformFee.of(100, new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
