package com.delivery.events;

import java.util.Arrays;
import java.util.List;

/** Kafka topic names. One topic per event type, named as the type; dead letters go to {@code <topic>.DLT}. */
public final class Topics {

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_UPDATED = "user.updated";

    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_CONFIRMED = "order.confirmed";
    public static final String ORDER_READY_FOR_PICKUP = "order.ready_for_pickup";
    public static final String ORDER_PICKED_UP = "order.picked_up";
    public static final String ORDER_DELIVERED = "order.delivered";
    public static final String ORDER_CANCELLED = "order.cancelled";

    public static final String PAYMENT_COMPLETED = "payment.completed";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String PAYMENT_REFUNDED = "payment.refunded";
    public static final String PAYOUT_PAID = "payout.paid";

    public static final String DRIVER_ASSIGNED = "driver.assigned";
    public static final String DRIVER_UNAVAILABLE = "driver.unavailable";
    public static final String DRIVER_LOCATION_UPDATED = "driver.location_updated";
    public static final String DRIVER_OFFER = "driver.offer";

    public static final String INVENTORY_RESERVED = "inventory.reserved";
    public static final String INVENTORY_REJECTED = "inventory.rejected";
    public static final String INVENTORY_LOW_STOCK = "inventory.low_stock";
    public static final String INVENTORY_OUT_OF_STOCK = "inventory.out_of_stock";
    public static final String VENDOR_REGISTERED = "vendor.registered";
    public static final String VENDOR_CATALOG_UPDATED = "vendor.catalog_updated";

    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: {@code order.created} → {@code order.created.DLT}. */
    public static String dlt(String topic) {
        return topic + DLT_SUFFIX;
    }

    /** Every event topic (without dead-letter topics), in catalog order; handy for topic creation. */
    public static List<String> all() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toList();
    }
}
