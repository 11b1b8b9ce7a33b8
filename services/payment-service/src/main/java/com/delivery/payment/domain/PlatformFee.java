package com.delivery.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The platform's commission on an order's item subtotal. */
public final class PlatformFee {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlatformFee() {
    }

    /** {@code percent} of {@code subtotalMinor}, rounded half-even to a whole minor unit (banker's rounding). */
    public static long of(long subtotalMinor, BigDecimal percent) {
        if (subtotalMinor < 0) {
            throw new IllegalArgumentException("subtotalMinor must not be negative, was " + subtotalMinor);
        }
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent);
        }
        return BigDecimal.valueOf(subtotalMinor).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
