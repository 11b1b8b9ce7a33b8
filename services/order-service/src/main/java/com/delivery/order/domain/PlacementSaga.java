package com.delivery.order.domain;

import com.delivery.events.InventoryRejected;
import com.delivery.events.OrderCancelled;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order's part of the placement saga, as pure decisions. A checked-out order waits for two things, in
 * whichever order they arrive: the vendor holding its stock ({@code inventory.reserved}) and the customer's
 * payment ({@code payment.completed}, which payment only makes possible once the stock is held). With both it is
 * PLACED. A refused hold ({@code inventory.rejected}) cancels it at once, naming the items; an event that comes
 * when the order has moved on is only noted.
 */
public final class PlacementSaga {

    /** What to do with the order. */
    public sealed interface Decision {
    }

    /** Both halves are in: PENDING_PAYMENT → PLACED. */
    public record Place() implements Decision {
    }

    /** Keep waiting for the other half; {@code note} goes into the timeline. */
    public record Wait(TimelineKind kind, String note) implements Decision {
    }

    /** Cancel as the system with this reason code and the words the customer reads. */
    public record Cancel(String reasonCode, String detail) implements Decision {
    }

    /** The event no longer applies (the order moved on); keep it in the timeline only. */
    public record Ignore(String note) implements Decision {
    }

    private PlacementSaga() {
    }

    public static Decision stockHeld(OrderStatus status, boolean paid) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return new Ignore("inventory.reserved arrived while " + status);
        }
        return paid ? new Place() : new Wait(TimelineKind.STOCK_HELD, "The vendor holds the stock for this order");
    }

    public static Decision paymentCompleted(OrderStatus status, boolean stockHeld, String providerReference) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return new Ignore("payment.completed " + providerReference + " arrived while " + status);
        }
        return stockHeld ? new Place()
                : new Wait(TimelineKind.PAYMENT_RECEIVED, "Payment " + providerReference + " received");
    }

    /** @param itemNames the order's item names by menu item id, to say which item ran out */
    public static Decision stockRejected(OrderStatus status, List<InventoryRejected.Shortage> shortages,
            Map<UUID, String> itemNames) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return new Ignore("inventory.rejected arrived while " + status);
        }
        return new Cancel(OrderCancelled.OUT_OF_STOCK, "Out of stock: " + describe(shortages, itemNames));
    }

    /** {@code "Tiramisu: 2 ordered, 1 left; Cola: 1 ordered, 0 left"}. */
    static String describe(List<InventoryRejected.Shortage> shortages, Map<UUID, String> itemNames) {
        return shortages.stream()
                .map(s -> itemNames.getOrDefault(s.menuItemId(), "item " + s.menuItemId()) + ": " + s.requested()
                        + " ordered, " + s.available() + " left")
                .collect(Collectors.joining("; "));
    }
}
