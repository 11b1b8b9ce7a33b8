package com.delivery.notification.domain;

import static com.delivery.notification.domain.Audience.CUSTOMER;
import static com.delivery.notification.domain.Audience.DRIVER;
import static com.delivery.notification.domain.Audience.USER;
import static com.delivery.notification.domain.Audience.VENDOR;
import static com.delivery.notification.domain.Category.ACCOUNT;
import static com.delivery.notification.domain.Category.DRIVER_JOBS;
import static com.delivery.notification.domain.Category.INVENTORY;
import static com.delivery.notification.domain.Category.ORDER_UPDATES;
import static com.delivery.notification.domain.Category.PAYOUTS;
import static com.delivery.notification.domain.Channel.EMAIL;
import static com.delivery.notification.domain.Channel.PUSH;
import static com.delivery.notification.domain.Channel.SMS;

import java.util.List;
import java.util.Map;

/** Which event produces which messages. The one place to read (and change) who is told what. */
public final class RoutingTable {

    private static final Map<String, List<Route>> ROUTES = Map.ofEntries(
            Map.entry("user.registered", List.of(
                    Route.normal(USER, ACCOUNT, "welcome", EMAIL))),
            Map.entry("order.created", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "order-created.customer", PUSH, EMAIL),
                    Route.normal(VENDOR, ORDER_UPDATES, "order-created.vendor", PUSH, SMS))),
            Map.entry("order.confirmed", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "order-confirmed", PUSH))),
            Map.entry("order.ready_for_pickup", List.of(
                    Route.normal(DRIVER, DRIVER_JOBS, "order-ready.driver", PUSH))),
            Map.entry("order.picked_up", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "order-picked-up", PUSH))),
            Map.entry("order.delivered", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "order-delivered", PUSH, EMAIL))),
            Map.entry("order.cancelled", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "order-cancelled.customer", PUSH, EMAIL),
                    Route.normal(VENDOR, ORDER_UPDATES, "order-cancelled.vendor", PUSH, SMS))),
            Map.entry("payment.failed", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "payment-failed", PUSH, EMAIL))),
            Map.entry("payment.refunded", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "payment-refunded", PUSH, EMAIL))),
            Map.entry("driver.unavailable", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "driver-unavailable", PUSH))),
            Map.entry("driver.offer", List.of(
                    Route.critical(DRIVER, DRIVER_JOBS, "driver-offer", PUSH))),
            Map.entry("driver.assigned", List.of(
                    Route.normal(CUSTOMER, ORDER_UPDATES, "driver-assigned", PUSH))),
            Map.entry("inventory.low_stock", List.of(
                    Route.normal(VENDOR, INVENTORY, "low-stock", PUSH, EMAIL))),
            Map.entry("inventory.out_of_stock", List.of(
                    Route.normal(VENDOR, INVENTORY, "out-of-stock", PUSH, EMAIL))),
            Map.entry("payout.paid", List.of(
                    Route.normal(VENDOR, PAYOUTS, "payout-paid", PUSH, EMAIL))));

    private RoutingTable() {
    }

    /** The routes of an event type; empty for types that send nothing. */
    public static List<Route> routesFor(String eventType) {
        return ROUTES.getOrDefault(eventType, List.of());
    }

    public static Map<String, List<Route>> all() {
        return ROUTES;
    }
}
