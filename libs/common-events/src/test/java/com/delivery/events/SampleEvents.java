package com.delivery.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One believable story (Ada orders two pizzas and a tiramisu from Luigi's in Berlin) told through every
 * event type, with fixed ids and times so encoded JSON is stable. docs/EVENTS.md shows exactly these.
 */
final class SampleEvents {

    static final UUID ADA = UUID.fromString("8d3a9041-f9d5-4ca1-a2dd-8262230177ea");
    static final UUID LUIGIS_PIZZERIA = UUID.fromString("c514f052-ad8b-4541-8689-a0b599decd8b");
    static final UUID PIZZA_ORDER = UUID.fromString("36e0aafd-6569-4ca6-ab72-757acb8cf71e");
    static final UUID MARGHERITA = UUID.fromString("a7f111c8-465c-46b4-a685-fd64ff12c609");
    static final UUID TIRAMISU = UUID.fromString("abea672e-1fec-43b9-a0dd-e8f820cc58b1");
    static final UUID TOM_THE_DRIVER = UUID.fromString("65e0b9f2-3644-47a6-835e-d2f5cbcbf0d9");
    static final UUID ADAS_PAYMENT = UUID.fromString("cd507710-2943-45f3-83ad-92b2b3e8adb2");
    static final UUID LUIGIS_PAYOUT = UUID.fromString("efc43b52-da72-46d1-af69-ac04d36d1fcf");
    static final UUID LARGE = UUID.fromString("17de7301-e22d-40a6-aac0-3bc075c03a5d");
    static final UUID BURRATA = UUID.fromString("3fdace95-6b41-44b3-8078-cb1024305c21");
    static final UUID MITTE_ZONE = UUID.fromString("2133147d-0c6c-4495-b7a8-757b33f4c223");

    static final String CHECKOUT = "f72b2bd6-e9ed-46f0-9eb6-dbabfba73367";
    static final String SIGN_UP = "b8bedf76-54cc-422f-bead-ab23994a6d6d";
    static final String STOCK_COUNT = "ecf3e0e0-cd04-419c-b0e5-e58cefa46055";
    static final UUID LUIGI = UUID.fromString("3f1d0c39-94c5-4c4b-9a55-0f6b8b3e2a17");
    static final String LUIGI_SIGN_UP = "0b7f4a4e-2f43-4d0e-9d87-5c7a0e8f6b21";
    static final String TOMS_SHIFT = "64ba6009-0645-42cc-b3d9-c55f835c6009";

    static final Address TORSTRASSE_49 = new Address("Torstraße 49", "Berlin", "10119", 52.5291, 13.4013);
    static final GeoPoint LUIGIS_KITCHEN = new GeoPoint(52.5303, 13.4035);

    private SampleEvents() {
    }

    /** The sample envelope of a type, with a stable event id, time, producer and correlation. */
    static EventEnvelope<EventPayload> envelope(EventType type) {
        Sample sample = sample(type);
        return new EventEnvelope<>(
                UUID.nameUUIDFromBytes(("sample:" + type.type()).getBytes()),
                type.type(),
                type.version(),
                Instant.parse(sample.occurredAt()),
                sample.producer(),
                sample.payload().aggregateId(),
                sample.correlationId(),
                sample.payload());
    }

    static EventPayload payload(EventType type) {
        return sample(type).payload();
    }

    private record Sample(EventPayload payload, String producer, String occurredAt, String correlationId) {
    }

    // an exhaustive switch: a new EventType does not compile until it has a sample
    private static Sample sample(EventType type) {
        return switch (type) {
            case USER_REGISTERED -> new Sample(adaRegisters(), "user", "2026-03-14T18:30:01.004Z", SIGN_UP);
            case USER_UPDATED -> new Sample(adaAddsHerPhone(), "user", "2026-03-14T18:35:44.512Z", SIGN_UP);
            case ORDER_CREATED -> new Sample(pizzaOrderCreated(), "order", "2026-03-14T18:42:07.215Z", CHECKOUT);
            case PAYMENT_COMPLETED -> new Sample(pizzaOrderPaid(), "payment", "2026-03-14T18:42:09.880Z", CHECKOUT);
            case PAYMENT_FAILED -> new Sample(pizzaOrderCardDeclined(), "payment", "2026-03-14T18:42:09.880Z", CHECKOUT);
            case ORDER_CONFIRMED -> new Sample(pizzaOrderConfirmed(), "order", "2026-03-14T18:43:02.114Z", CHECKOUT);
            case DRIVER_OFFER -> new Sample(pizzaOrderOfferedToTom(), "driver", "2026-03-14T18:43:02.903Z", CHECKOUT);
            case DRIVER_ASSIGNED -> new Sample(tomTakesPizzaOrder(), "driver", "2026-03-14T18:43:15.402Z", CHECKOUT);
            case DRIVER_UNAVAILABLE -> new Sample(noDriverForPizzaOrder(), "driver", "2026-03-14T18:48:02.903Z", CHECKOUT);
            case ORDER_READY_FOR_PICKUP ->
                    new Sample(pizzaOrderReady(), "order", "2026-03-14T18:58:40.031Z", CHECKOUT);
            case ORDER_PICKED_UP -> new Sample(pizzaOrderPickedUp(), "order", "2026-03-14T19:01:12.550Z", CHECKOUT);
            case DRIVER_LOCATION_UPDATED ->
                    new Sample(tomRidesTowardsAda(), "tracking", "2026-03-14T19:03:30.120Z", TOMS_SHIFT);
            case ORDER_DELIVERED -> new Sample(pizzaOrderDelivered(), "order", "2026-03-14T19:09:48.730Z", CHECKOUT);
            case PAYOUT_PAID -> new Sample(luigiPaidForPizzaOrder(), "payment", "2026-03-14T19:09:50.112Z", CHECKOUT);
            case ORDER_CANCELLED ->
                    new Sample(pizzaOrderRejectedByVendor(), "order", "2026-03-14T18:44:30.007Z", CHECKOUT);
            case PAYMENT_REFUNDED ->
                    new Sample(pizzaOrderRefunded(), "payment", "2026-03-14T18:44:31.650Z", CHECKOUT);
            case INVENTORY_RESERVED ->
                    new Sample(pizzaOrderStockHeld(), "vendor", "2026-03-14T18:42:07.391Z", CHECKOUT);
            case INVENTORY_REJECTED ->
                    new Sample(tiramisuOrderRefused(), "vendor", "2026-03-14T18:42:07.391Z", CHECKOUT);
            case INVENTORY_LOW_STOCK ->
                    new Sample(tiramisuRunningLow(), "vendor", "2026-03-14T18:42:07.480Z", STOCK_COUNT);
            case INVENTORY_OUT_OF_STOCK ->
                    new Sample(tiramisuSoldOut(), "vendor", "2026-03-14T20:15:00.002Z", STOCK_COUNT);
            case VENDOR_REGISTERED -> new Sample(luigiOpensHisPizzeria(), "vendor", "2026-03-01T09:00:00.000Z",
                    LUIGI_SIGN_UP);
            case VENDOR_CATALOG_UPDATED ->
                    new Sample(luigisCatalogWithoutTiramisu(), "vendor", "2026-03-14T20:15:00.002Z", STOCK_COUNT);
        };
    }

    static UserRegistered adaRegisters() {
        return new UserRegistered(ADA, "ada@example.com", null, "Ada Lovelace", "CUSTOMER", "en-GB");
    }

    static UserUpdated adaAddsHerPhone() {
        return new UserUpdated(ADA, "ada@example.com", "+4915112345678", "Ada Lovelace", "CUSTOMER", "en-GB");
    }

    static OrderCreated pizzaOrderCreated() {
        return new OrderCreated(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, "Luigi's Pizzeria", "FOOD",
                List.of(new OrderCreated.OrderLine(MARGHERITA, "Pizza Margherita", 2, 950, 1900),
                        new OrderCreated.OrderLine(TIRAMISU, "Tiramisu", 1, 550, 550)),
                2450, 299, 245, 200, 0, 2949, "EUR",
                TORSTRASSE_49, LUIGIS_KITCHEN, 15);
    }

    static PaymentCompleted pizzaOrderPaid() {
        return new PaymentCompleted(ADAS_PAYMENT, PIZZA_ORDER, ADA, 2949, "EUR", "pi_3OqK2bLkdIwHu7ix0Yd1R7aX");
    }

    static PaymentFailed pizzaOrderCardDeclined() {
        return new PaymentFailed(ADAS_PAYMENT, PIZZA_ORDER, ADA, 2949, "EUR", "pi_3OqK2bLkdIwHu7ix0Yd1R7aX",
                "card_declined", "Your card was declined.");
    }

    static OrderConfirmed pizzaOrderConfirmed() {
        return new OrderConfirmed(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, null, "Luigi's Pizzeria",
                LUIGIS_KITCHEN, TORSTRASSE_49, Instant.parse("2026-03-14T18:58:00Z"));
    }

    static DriverOffer pizzaOrderOfferedToTom() {
        return new DriverOffer(PIZZA_ORDER, TOM_THE_DRIVER, Instant.parse("2026-03-14T18:43:32.903Z"),
                "Luigi's Pizzeria", LUIGIS_KITCHEN, TORSTRASSE_49.location());
    }

    static DriverAssigned tomTakesPizzaOrder() {
        return new DriverAssigned(PIZZA_ORDER, TOM_THE_DRIVER, "Tom Becker", "BICYCLE", ADA, LUIGIS_PIZZERIA);
    }

    static DriverUnavailable noDriverForPizzaOrder() {
        return new DriverUnavailable(PIZZA_ORDER, "NO_DRIVER_AVAILABLE", ADA, LUIGIS_PIZZERIA, null);
    }

    static OrderReadyForPickup pizzaOrderReady() {
        return new OrderReadyForPickup(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, TOM_THE_DRIVER, "Luigi's Pizzeria",
                LUIGIS_KITCHEN);
    }

    static OrderPickedUp pizzaOrderPickedUp() {
        return new OrderPickedUp(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, TOM_THE_DRIVER, TORSTRASSE_49);
    }

    static DriverLocationUpdated tomRidesTowardsAda() {
        return new DriverLocationUpdated(TOM_THE_DRIVER, PIZZA_ORDER, 52.5299, 13.4027, 184.0, 4.2,
                Instant.parse("2026-03-14T19:03:29.870Z"));
    }

    static OrderDelivered pizzaOrderDelivered() {
        return new OrderDelivered(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, TOM_THE_DRIVER,
                2450, 299, 245, 200, 0, 2949, "EUR", 1850);
    }

    static PayoutPaid luigiPaidForPizzaOrder() {
        return new PayoutPaid(LUIGIS_PAYOUT, LUIGIS_PIZZERIA, 2205, "EUR", "tr_1OqKQ9LkdIwHu7ixH3cV2Qz1", PIZZA_ORDER);
    }

    static OrderCancelled pizzaOrderRejectedByVendor() {
        return new OrderCancelled(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, null, "VENDOR_REJECTED", "VENDOR", "PLACED",
                List.of(new OrderCancelled.ItemQuantity(MARGHERITA, 2), new OrderCancelled.ItemQuantity(TIRAMISU, 1)),
                "Luigi's Pizzeria is closing early tonight");
    }

    static InventoryReserved pizzaOrderStockHeld() {
        return new InventoryReserved(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, List.of(
                new InventoryReserved.HeldItem(MARGHERITA, 2), new InventoryReserved.HeldItem(TIRAMISU, 1)));
    }

    /** The same order on an evening when only one tiramisu was left for two wanted. */
    static InventoryRejected tiramisuOrderRefused() {
        return new InventoryRejected(PIZZA_ORDER, ADA, LUIGIS_PIZZERIA, InventoryRejected.OUT_OF_STOCK,
                List.of(new InventoryRejected.Shortage(TIRAMISU, 1, 0)));
    }

    static PaymentRefunded pizzaOrderRefunded() {
        return new PaymentRefunded(ADAS_PAYMENT, PIZZA_ORDER, ADA, 2949, "EUR", "pi_3OqK2bLkdIwHu7ix0Yd1R7aX",
                "ORDER_CANCELLED");
    }

    static InventoryLowStock tiramisuRunningLow() {
        return new InventoryLowStock(LUIGIS_PIZZERIA, TIRAMISU, "Tiramisu", 3, 5);
    }

    static InventoryOutOfStock tiramisuSoldOut() {
        return new InventoryOutOfStock(LUIGIS_PIZZERIA, TIRAMISU, "Tiramisu", 0, 5);
    }

    static VendorRegistered luigiOpensHisPizzeria() {
        return new VendorRegistered(LUIGIS_PIZZERIA, LUIGI, "Luigi's Pizzeria", "FOOD");
    }

    /**
     * Luigi's whole catalog right after the last tiramisu was sold: open Wednesday to Sunday (till 01:00 on Friday
     * and Saturday nights), closed on Easter Monday, delivering around Mitte.
     */
    static VendorCatalogUpdated luigisCatalogWithoutTiramisu() {
        return new VendorCatalogUpdated(LUIGIS_PIZZERIA, 7, "Luigi's Pizzeria", "Berlin", LUIGI, "FOOD", "EUR", true,
                15, LUIGIS_KITCHEN, "Europe/Berlin",
                List.of(new VendorCatalogUpdated.OpenRange(3570, 4230), new VendorCatalogUpdated.OpenRange(5010, 5670),
                        new VendorCatalogUpdated.OpenRange(6450, 7260), new VendorCatalogUpdated.OpenRange(7890, 8700),
                        new VendorCatalogUpdated.OpenRange(9360, 9960)),
                List.of(new VendorCatalogUpdated.Closure(Instant.parse("2026-04-05T22:00:00Z"),
                        Instant.parse("2026-04-06T22:00:00Z"))),
                List.of(new VendorCatalogUpdated.Zone(MITTE_ZONE,
                        "POLYGON((13.3835 52.5103,13.4235 52.5103,13.4235 52.5503,13.3835 52.5503,13.3835 52.5103))",
                        299, 1500)),
                List.of(new VendorCatalogUpdated.Item(MARGHERITA, "Pizza Margherita", 950, true, true, false, 20,
                                List.of(new VendorCatalogUpdated.Option(LARGE, "Large", 200),
                                        new VendorCatalogUpdated.Option(BURRATA, "Burrata", 350))),
                        new VendorCatalogUpdated.Item(TIRAMISU, "Tiramisu", 550, true, false, false, null, List.of())));
    }
}
