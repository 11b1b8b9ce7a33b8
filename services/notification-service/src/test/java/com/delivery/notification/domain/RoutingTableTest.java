package com.delivery.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    @Test
    void anOrderReceiptGoesToTheCustomerByPushAndEmailAndToTheVendorByPushAndSms() {
        List<Route> routes = RoutingTable.routesFor("order.created");

        assertThat(routes).extracting(Route::audience, Route::channels, Route::critical).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Audience.CUSTOMER, List.of(Channel.PUSH, Channel.EMAIL), false),
                org.assertj.core.groups.Tuple.tuple(Audience.VENDOR, List.of(Channel.PUSH, Channel.SMS), false));
    }

    @Test
    void aDriverOfferIsTheCriticalMessageAndFallsBackToSms() {
        Route offer = RoutingTable.routesFor("driver.offer").getFirst();

        assertThat(offer.critical()).isTrue();
        assertThat(offer.audience()).isEqualTo(Audience.DRIVER);
        assertThat(offer.needsSmsFallback()).isTrue();
        assertThat(RoutingTable.all().values().stream().flatMap(List::stream).filter(Route::critical))
                .containsExactly(offer);
    }

    @Test
    void everyConsumedEventThatTellsSomeoneHasARoute() {
        assertThat(RoutingTable.all().keySet()).containsExactlyInAnyOrder("user.registered", "order.created",
                "order.confirmed", "order.ready_for_pickup", "order.picked_up", "order.delivered", "order.cancelled",
                "payment.failed", "payment.refunded", "driver.offer", "driver.assigned", "driver.unavailable",
                "inventory.low_stock", "inventory.out_of_stock",
                "payout.paid");
        assertThat(RoutingTable.routesFor("user.updated")).isEmpty();
    }

    @Test
    void marketingIsOptInAndEverythingElseIsOnUntilSwitchedOff() {
        PreferenceSet defaults = PreferenceSet.defaults();

        assertThat(defaults.allows(Category.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(defaults.allows(Category.ORDER_UPDATES, Channel.SMS)).isTrue();
    }

    @Test
    void moneyIsWrittenTheReadersWay() {
        assertThat(Money.format(2949, "EUR", java.util.Locale.forLanguageTag("en-GB"))).isEqualTo("€29.49");
        assertThat(Money.format(2949, "EUR", java.util.Locale.GERMANY)).isEqualTo("29,49\u00a0€");
        assertThat(Money.format(1200, "USD", java.util.Locale.US)).isEqualTo("$12.00");
    }
}
