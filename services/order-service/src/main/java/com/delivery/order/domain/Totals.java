package com.delivery.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What an order costs, in minor units of one currency. The customer pays {@code subtotal + deliveryFee + tip + tax};
 * the platform fee is taken out of the vendor's share (Stripe's {@code application_fee_amount}), not added.
 */
@Embeddable
public record Totals(
        @Column(name = "subtotal_minor", nullable = false) long subtotalMinor,
        @Column(name = "delivery_fee_minor", nullable = false) long deliveryFeeMinor,
        @Column(name = "platform_fee_minor", nullable = false) long platformFeeMinor,
        @Column(name = "tip_minor", nullable = false) long tipMinor,
        @Column(name = "tax_minor", nullable = false) long taxMinor,
        @Column(name = "total_minor", nullable = false) long totalMinor) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Totals {
        for (long amount : new long[] {subtotalMinor, deliveryFeeMinor, platformFeeMinor, tipMinor, taxMinor, totalMinor}) {
            if (amount < 0) {
                throw new IllegalArgumentException("Amounts must not be negative, was " + amount);
            }
        }
    }

    /**
     * Prices an order from its line totals.
     *
     * @param platformFeePercent share of the item subtotal the platform keeps, rounded half-even
     * @param taxPercent         tax added on the item subtotal, rounded half-even (0 where prices include tax)
     */
    public static Totals of(List<Long> lineTotals, long deliveryFeeMinor, long tipMinor, BigDecimal platformFeePercent,
            BigDecimal taxPercent) {
        long subtotal = lineTotals.stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
        long platformFee = percentOf(subtotal, platformFeePercent);
        long tax = percentOf(subtotal, taxPercent);
        long total = Math.addExact(Math.addExact(subtotal, deliveryFeeMinor), Math.addExact(tipMinor, tax));
        return new Totals(subtotal, deliveryFeeMinor, platformFee, tipMinor, tax, total);
    }

    static long percentOf(long amountMinor, BigDecimal percent) {
        return BigDecimal.valueOf(amountMinor).multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
