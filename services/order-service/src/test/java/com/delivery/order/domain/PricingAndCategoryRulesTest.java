package com.delivery.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingAndCategoryRulesTest {

    @Test
    void totalsAddDeliveryTipAndTaxButNotThePlatformFee() {
        Totals totals = Totals.of(List.of(1900L, 550L), 299, 200, BigDecimal.TEN, BigDecimal.ZERO);

        assertThat(totals.subtotalMinor()).isEqualTo(2450);
        assertThat(totals.platformFeeMinor()).isEqualTo(245);
        assertThat(totals.totalMinor()).isEqualTo(2450 + 299 + 200);
    }

    @Test
    void feesAndTaxRoundHalfEven() {
        assertThat(Totals.of(List.of(2455L), 0, 0, BigDecimal.TEN, BigDecimal.ZERO).platformFeeMinor()).isEqualTo(246);
        assertThat(Totals.of(List.of(2445L), 0, 0, BigDecimal.TEN, BigDecimal.ZERO).platformFeeMinor()).isEqualTo(244);
        Totals taxed = Totals.of(List.of(1050L), 100, 0, BigDecimal.TEN, new BigDecimal("7"));
        assertThat(taxed.taxMinor()).isEqualTo(74); // 73.5 -> 74 (4 is even)
        assertThat(taxed.totalMinor()).isEqualTo(1050 + 100 + 74);
        assertThat(Totals.of(List.of(1150L), 0, 0, BigDecimal.TEN, new BigDecimal("7")).taxMinor()).isEqualTo(80); // 80.5 -> 80
    }

    @Test
    void aPrescriptionItemNeedsAReference() {
        List<CategoryRules.Line> lines = List.of(new CategoryRules.Line("Ibuprofen 400", false),
                new CategoryRules.Line("Amoxicillin 500", true));

        assertThat(CategoryRules.problems(lines, null)).singleElement().asString().contains("Amoxicillin");
        assertThat(CategoryRules.problems(lines, "  ")).hasSize(1);
        assertThat(CategoryRules.problems(lines, "RX-2026-0042")).isEmpty();
    }

    @Test
    void onlyGroceriesCarryASubstitutionPreferenceAndTheyAlwaysDo() {
        assertThat(CategoryRules.substitutionPreference("GROCERY", null)).isEqualTo(Substitution.CONTACT_ME);
        assertThat(CategoryRules.substitutionPreference("GROCERY", Substitution.REFUND_ITEM))
                .isEqualTo(Substitution.REFUND_ITEM);
        assertThat(CategoryRules.substitutionPreference("FOOD", Substitution.REFUND_ITEM)).isNull();
    }

    @Test
    void foodWaitsForTheKitchenOthersForPacking() {
        assertThat(CategoryRules.readyMinutes("FOOD", 25, 10)).isEqualTo(25);
        assertThat(CategoryRules.readyMinutes("GROCERY", 25, 10)).isEqualTo(10);
        // 2.5 km at 15 km/h = 10 minutes, plus 5 handover
        assertThat(CategoryRules.deliveryMinutes(25, 2500, 15, 5)).isEqualTo(40);
    }

    @Test
    void distanceIsTheGreatCircle() {
        // Berlin Alexanderplatz to Brandenburger Tor, about 2.9 km
        int meters = new Location(52.5219, 13.4132).metersTo(52.5163, 13.3777);
        assertThat(meters).isBetween(2400, 2600);
    }
}
