package com.delivery.driver.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * What a driver earns per delivery: a base fee, a part per km of the delivery distance (rounded half-even to the
 * minor unit) and the whole tip.
 */
public record EarningsRates(long baseFeeMinor, long perKmMinor) {

    public EarningsRates {
        if (baseFeeMinor < 0 || perKmMinor < 0) {
            throw new IllegalArgumentException("Earnings rates cannot be negative");
        }
    }

    public long distancePartMinor(int distanceMeters) {
        return BigDecimal.valueOf(distanceMeters).multiply(BigDecimal.valueOf(perKmMinor))
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    public Earning earningFor(UUID orderId, UUID eventId, UUID driverId, UUID customerId, UUID vendorId,
            Instant deliveredAt, int distanceMeters, long tipMinor, String currency) {
        return new Earning(orderId, eventId, driverId, customerId, vendorId, deliveredAt, distanceMeters,
                baseFeeMinor, distancePartMinor(distanceMeters), tipMinor, currency);
    }
}
