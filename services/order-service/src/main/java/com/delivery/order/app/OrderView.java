package com.delivery.order.app;

import com.delivery.order.domain.Actor;
import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderItem;
import com.delivery.order.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it and the read cache keeps it: lines, money, estimate, driver and the timeline.
 * Amounts are minor units of {@code currency}.
 */
public record OrderView(
        UUID id,
        String status,
        UUID customerId,
        UUID vendorId,
        UUID vendorOwnerId,
        String vendorName,
        String category,
        String zoneId,
        List<Item> items,
        String currency,
        long subtotalMinor,
        long deliveryFeeMinor,
        long platformFeeMinor,
        long tipMinor,
        long taxMinor,
        long totalMinor,
        long refundedMinor,
        Address deliveryAddress,
        Point vendorLocation,
        int distanceMeters,
        int estimatedReadyMinutes,
        int estimatedDeliveryMinutes,
        Instant estimatedDeliveryAt,
        String prescriptionReference,
        String substitutionPreference,
        String note,
        Driver driver,
        Cancellation cancellation,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<TimelineItem> timeline) {

    public record Item(UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor,
            boolean prescriptionRequired, String substitution, List<Option> options) {
    }

    public record Option(UUID optionId, String name, long priceDeltaMinor) {
    }

    public record Address(String line1, String city, String postalCode, double lat, double lng) {
    }

    public record Point(double lat, double lng) {
    }

    public record Driver(UUID id, String name, String vehicleType) {
    }

    /**
     * Why a cancelled order was cancelled.
     *
     * @param reason machine-readable code: CUSTOMER_REQUEST, VENDOR_REJECTED, VENDOR_TIMEOUT, OUT_OF_STOCK,
     *               PAYMENT_FAILED, PAYMENT_TIMEOUT, ADMIN
     * @param detail the words for the customer, e.g. {@code "Out of stock: Tiramisu: 2 ordered, 1 left"}
     */
    public record Cancellation(String reason, String detail) {
    }

    /**
     * One timeline entry.
     *
     * @param kind {@code CREATED}, {@code STATUS_CHANGED}, {@code STOCK_HELD}, {@code PAYMENT_RECEIVED},
     *             {@code DRIVER_ASSIGNED}, {@code DRIVER_UNAVAILABLE}, {@code PAYMENT_REFUNDED},
     *             {@code EVENT_NOT_APPLIED}
     * @param by   the user who acted, {@code null} for the system
     * @param role the capacity they acted in: CUSTOMER, VENDOR, DRIVER, ADMIN or SYSTEM
     */
    public record TimelineItem(String kind, String from, String to, UUID by, String role, String reason, Instant at) {
    }

    /** Whether the actor may see this order: its customer, its vendor's owner, its driver, or an admin. */
    public boolean isVisibleTo(Actor actor) {
        return !actor.partiesTo(customerId, vendorOwnerId, driver == null ? null : driver.id()).isEmpty();
    }

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.status().name(), order.customerId(), order.vendorId(),
                order.vendorOwnerId(), order.vendorName(), order.category(), order.zoneId(),
                order.items().stream().map(OrderView::item).toList(), order.currency(),
                order.totals().subtotalMinor(), order.totals().deliveryFeeMinor(), order.totals().platformFeeMinor(),
                order.totals().tipMinor(), order.totals().taxMinor(), order.totals().totalMinor(), order.refundedMinor(),
                new Address(order.deliveryAddress().line1(), order.deliveryAddress().city(),
                        order.deliveryAddress().postalCode(), order.deliveryAddress().lat(),
                        order.deliveryAddress().lng()),
                new Point(order.vendorLocation().lat(), order.vendorLocation().lng()), order.distanceMeters(),
                order.estimatedReadyMinutes(), order.estimatedDeliveryMinutes(),
                order.createdAt().plus(Duration.ofMinutes(order.estimatedDeliveryMinutes())),
                order.prescriptionReference(),
                order.substitutionPreference() == null ? null : order.substitutionPreference().name(), order.note(),
                order.driverId() == null ? null : new Driver(order.driverId(), order.driverName(), order.vehicleType()),
                order.cancelReason() == null ? null : new Cancellation(order.cancelReason(), order.cancelDetail()),
                order.version(), order.createdAt(), order.updatedAt(),
                order.timeline().stream().map(OrderView::timelineItem).toList());
    }

    private static Item item(OrderItem item) {
        return new Item(item.menuItemId(), item.name(), item.quantity(), item.unitPriceMinor(), item.lineTotalMinor(),
                item.prescriptionRequired(), item.substitution() == null ? null : item.substitution().name(),
                item.options().stream().map(o -> new Option(o.optionId(), o.name(), o.priceDeltaMinor())).toList());
    }

    private static TimelineItem timelineItem(TimelineEntry entry) {
        return new TimelineItem(entry.kind().name(), entry.fromStatus() == null ? null : entry.fromStatus().name(),
                entry.toStatus() == null ? null : entry.toStatus().name(), entry.actorId(), entry.actorRole().name(),
                entry.reason(), entry.occurredAt());
    }
}
