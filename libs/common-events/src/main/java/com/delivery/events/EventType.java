package com.delivery.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalog: each type name (which is also its topic) with its payload record and the current
 * schema version that producers write. Bump {@code version} for every compatible change to a payload;
 * see docs/EVENTS.md for what counts as compatible.
 */
public enum EventType {

    USER_REGISTERED(Topics.USER_REGISTERED, UserRegistered.class, 1),
    USER_UPDATED(Topics.USER_UPDATED, UserUpdated.class, 1),

    ORDER_CREATED(Topics.ORDER_CREATED, OrderCreated.class, 1),
    ORDER_CONFIRMED(Topics.ORDER_CONFIRMED, OrderConfirmed.class, 1),
    ORDER_READY_FOR_PICKUP(Topics.ORDER_READY_FOR_PICKUP, OrderReadyForPickup.class, 1),
    ORDER_PICKED_UP(Topics.ORDER_PICKED_UP, OrderPickedUp.class, 1),
    ORDER_DELIVERED(Topics.ORDER_DELIVERED, OrderDelivered.class, 1),
    ORDER_CANCELLED(Topics.ORDER_CANCELLED, OrderCancelled.class, 2),

    PAYMENT_COMPLETED(Topics.PAYMENT_COMPLETED, PaymentCompleted.class, 1),
    PAYMENT_FAILED(Topics.PAYMENT_FAILED, PaymentFailed.class, 1),
    PAYMENT_REFUNDED(Topics.PAYMENT_REFUNDED, PaymentRefunded.class, 1),
    PAYOUT_PAID(Topics.PAYOUT_PAID, PayoutPaid.class, 1),

    DRIVER_ASSIGNED(Topics.DRIVER_ASSIGNED, DriverAssigned.class, 1),
    DRIVER_UNAVAILABLE(Topics.DRIVER_UNAVAILABLE, DriverUnavailable.class, 1),
    DRIVER_LOCATION_UPDATED(Topics.DRIVER_LOCATION_UPDATED, DriverLocationUpdated.class, 1),
    DRIVER_OFFER(Topics.DRIVER_OFFER, DriverOffer.class, 1),

    INVENTORY_RESERVED(Topics.INVENTORY_RESERVED, InventoryReserved.class, 1),
    INVENTORY_REJECTED(Topics.INVENTORY_REJECTED, InventoryRejected.class, 1),
    INVENTORY_LOW_STOCK(Topics.INVENTORY_LOW_STOCK, InventoryLowStock.class, 1),
    INVENTORY_OUT_OF_STOCK(Topics.INVENTORY_OUT_OF_STOCK, InventoryOutOfStock.class, 1),
    VENDOR_REGISTERED(Topics.VENDOR_REGISTERED, VendorRegistered.class, 1),
    VENDOR_CATALOG_UPDATED(Topics.VENDOR_CATALOG_UPDATED, VendorCatalogUpdated.class, 1);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String type;
    private final Class<? extends EventPayload> payloadType;
    private final int version;

    EventType(String type, Class<? extends EventPayload> payloadType, int version) {
        this.type = type;
        this.payloadType = payloadType;
        this.version = version;
    }

    /** The envelope's {@code type}, e.g. {@code order.created}. */
    public String type() {
        return type;
    }

    /** The Kafka topic: the same string as {@link #type()}. */
    public String topic() {
        return type;
    }

    public String dltTopic() {
        return Topics.dlt(type);
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The schema version producers of this library version write. */
    public int version() {
        return version;
    }

    /** @throws UnknownEventTypeException if no event has this type name */
    public static EventType byType(String type) {
        EventType found = type == null ? null : BY_TYPE.get(type);
        if (found == null) {
            throw new UnknownEventTypeException("Unknown event type '" + type + "'; known types: "
                    + Arrays.stream(values()).map(EventType::type).collect(Collectors.joining(", ")));
        }
        return found;
    }

    /** @throws UnknownEventTypeException if the class is not a catalogued payload record */
    public static EventType byPayload(Class<? extends EventPayload> payloadType) {
        EventType found = payloadType == null ? null : BY_PAYLOAD.get(payloadType);
        if (found == null) {
            throw new UnknownEventTypeException("No event type for payload class "
                    + (payloadType == null ? "null" : payloadType.getName())
                    + "; add it to " + EventType.class.getName());
        }
        return found;
    }

    public static boolean isKnown(String type) {
        return type != null && BY_TYPE.containsKey(type);
    }
}
