package com.delivery.payment.domain;

/**
 * How one order's charge divides between the platform and the vendor.
 *
 * <p>The customer pays {@code total = subtotal + deliveryFee + tip + tax}. The vendor sold the items (and owes their
 * tax), so its share is {@code subtotal + tax - platformFee}. The platform keeps its fee plus the delivery fee and
 * the tip, which it passes on to the driver (drivers are paid by the platform, not through Connect). With a Stripe
 * destination charge the platform's part is the {@code application_fee_amount} and the rest is transferred to the
 * vendor's connected account. Computed as {@code total - vendorShare}, so the two parts always add up to exactly
 * what the customer is charged, even if an order's totals carried extra components.
 *
 * @param totalMinor          what the customer is charged: the order's total, unchanged
 * @param applicationFeeMinor the platform's part (Stripe {@code application_fee_amount})
 * @param vendorShareMinor    what reaches the vendor's connected account
 */
public record ChargeSplit(long totalMinor, long platformFeeMinor, long applicationFeeMinor, long vendorShareMinor) {

    public ChargeSplit {
        if (totalMinor < 0 || platformFeeMinor < 0 || applicationFeeMinor < 0 || vendorShareMinor < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
        if (applicationFeeMinor + vendorShareMinor != totalMinor) {
            throw new IllegalArgumentException("application fee and vendor share must add up to the total");
        }
    }

    public static ChargeSplit of(long subtotalMinor, long deliveryFeeMinor, long platformFeeMinor, long tipMinor,
            long taxMinor, long totalMinor) {
        long vendorShare = Math.max(0, subtotalMinor + taxMinor - platformFeeMinor);
        // never hand the vendor more than the customer paid
        vendorShare = Math.min(vendorShare, totalMinor);
        return new ChargeSplit(totalMinor, platformFeeMinor, totalMinor - vendorShare, vendorShare);
    }
}
