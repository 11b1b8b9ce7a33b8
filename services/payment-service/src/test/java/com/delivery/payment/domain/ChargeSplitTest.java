package com.delivery.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargeSplitTest {

    @Test
    void thePlatformKeepsItsFeeTheDeliveryFeeAndTheTipAndTheVendorGetsTheRest() {
        // subtotal 24.50, delivery 2.99, fee 2.45, tip 2.00, no tax, total 29.49
        ChargeSplit split = ChargeSplit.of(2450, 299, 245, 200, 0, 2949);

        assertThat(split.totalMinor()).isEqualTo(2949);
        assertThat(split.applicationFeeMinor()).isEqualTo(744);
        assertThat(split.vendorShareMinor()).isEqualTo(2205);
    }

    @Test
    void taxOnTheItemsGoesToTheVendorWhoOwesIt() {
        ChargeSplit split = ChargeSplit.of(1000, 300, 100, 0, 190, 1490);

        assertThat(split.vendorShareMinor()).isEqualTo(1090);
        assertThat(split.applicationFeeMinor()).isEqualTo(400);
    }

    @Test
    void thePartsAlwaysAddUpToExactlyTheOrderTotal() {
        // a total with a component the split does not know of (e.g. a service charge) stays with the platform
        ChargeSplit split = ChargeSplit.of(1000, 0, 100, 0, 0, 1050);

        assertThat(split.applicationFeeMinor() + split.vendorShareMinor()).isEqualTo(1050);
        assertThat(split.vendorShareMinor()).isEqualTo(900);
    }

    @Test
    void theVendorNeverGetsMoreThanTheCustomerPaid() {
        // inconsistent totals (a discount the platform funds): the vendor share is capped at the total
        ChargeSplit split = ChargeSplit.of(1000, 0, 100, 0, 0, 500);

        assertThat(split.vendorShareMinor()).isEqualTo(500);
        assertThat(split.applicationFeeMinor()).isZero();
    }
}
