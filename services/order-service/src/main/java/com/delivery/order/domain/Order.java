package com.delivery.order.domain;

import static com.delivery.order.domain.OrderStatus.CANCELLED;
import static com.delivery.order.domain.OrderStatus.CONFIRMED;
import static com.delivery.order.domain.OrderStatus.PENDING_PAYMENT;
import static com.delivery.order.domain.OrderStatus.PLACED;
import static com.delivery.order.domain.OrderStatus.PREPARING;
import static com.delivery.order.domain.OrderStatus.READY_FOR_PICKUP;

import com.delivery.events.Address;
import com.delivery.events.GeoPoint;
import com.delivery.events.InventoryRejected;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderEvent;
import com.delivery.events.OrderPickedUp;
import com.delivery.events.OrderReadyForPickup;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The order aggregate. Its status changes only through its own methods, each checking who asks and from which
 * status, keeping a timeline entry and returning the event to publish. Optimistic locking ({@code version}) makes
 * concurrent changes fail rather than overwrite each other.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
public class Order {

    private static final Set<OrderStatus> DRIVER_ASSIGNABLE = EnumSet.of(CONFIRMED, PREPARING, READY_FOR_PICKUP);

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Column(name = "vendor_owner_id", nullable = false)
    private UUID vendorOwnerId;

    @Column(name = "vendor_name", nullable = false)
    private String vendorName;

    @Column(nullable = false)
    private String category;

    @Column(name = "zone_id")
    private String zoneId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private String currency;

    @Embedded
    private Totals totals;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Embedded
    private DeliveryAddress deliveryAddress;

    @Embedded
    @AttributeOverride(name = "lat", column = @Column(name = "vendor_lat", nullable = false))
    @AttributeOverride(name = "lng", column = @Column(name = "vendor_lng", nullable = false))
    private Location vendorLocation;

    /** The vendor's city as the quote named it; {@code null} when it did not. */
    @Column(name = "vendor_city")
    private String vendorCity;

    @Column(name = "distance_meters", nullable = false)
    private int distanceMeters;

    @Column(name = "estimated_ready_minutes", nullable = false)
    private int estimatedReadyMinutes;

    @Column(name = "estimated_delivery_minutes", nullable = false)
    private int estimatedDeliveryMinutes;

    @Column(name = "prescription_reference")
    private String prescriptionReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "substitution_preference")
    private Substitution substitutionPreference;

    @Column(name = "customer_note")
    private String note;

    @Column(name = "driver_id")
    private UUID driverId;

    @Column(name = "driver_name")
    private String driverName;

    @Column(name = "vehicle_type")
    private String vehicleType;

    /** When the vendor confirmed it holds the stock ({@code inventory.reserved}); {@code null} until then. */
    @Column(name = "stock_held_at")
    private Instant stockHeldAt;

    /** When the payment went through ({@code payment.completed}); {@code null} until then. */
    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "payment_reference")
    private String paymentReference;

    /** When the order became PLACED: the vendor's time to answer starts here. */
    @Column(name = "placed_at")
    private Instant placedAt;

    /** Machine-readable cause of a cancellation ({@code OrderCancelled} reason codes). */
    @Column(name = "cancel_reason")
    private String cancelReason;

    /** What the customer reads about why it was cancelled. */
    @Column(name = "cancel_detail")
    private String cancelDetail;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "request_hash")
    private String requestHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    private List<OrderItem> items = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Order() {
    }

    /** A checked-out order, waiting for payment. */
    public static Order place(Checkout checkout, Instant now) {
        Order order = new Order();
        order.id = checkout.orderId();
        order.customerId = checkout.customerId();
        order.vendorId = checkout.vendorId();
        order.vendorOwnerId = checkout.vendorOwnerId();
        order.vendorName = checkout.vendorName();
        order.category = checkout.category();
        order.zoneId = checkout.zoneId();
        order.status = PENDING_PAYMENT;
        order.currency = checkout.currency();
        order.totals = checkout.totals();
        order.deliveryAddress = checkout.deliveryAddress();
        order.vendorLocation = checkout.vendorLocation();
        order.vendorCity = checkout.vendorCity();
        order.distanceMeters = checkout.vendorLocation().metersTo(checkout.deliveryAddress().lat(),
                checkout.deliveryAddress().lng());
        order.estimatedReadyMinutes = checkout.estimatedReadyMinutes();
        order.estimatedDeliveryMinutes = checkout.estimatedDeliveryMinutes();
        order.prescriptionReference = checkout.prescriptionReference();
        order.substitutionPreference = checkout.substitutionPreference();
        order.note = checkout.note();
        order.idempotencyKey = checkout.idempotencyKey();
        order.requestHash = checkout.requestHash();
        order.items = new ArrayList<>(checkout.items());
        order.createdAt = now;
        order.updatedAt = now;
        order.timeline.add(new TimelineEntry(TimelineKind.CREATED, null, PENDING_PAYMENT, checkout.customerId(),
                Party.CUSTOMER, null, now));
        return order;
    }

    // ---- who is who --------------------------------------------------------------------------------------------

    /** What the actor is to this order; empty for a stranger. */
    public Set<Party> partiesOf(Actor actor) {
        return actor.partiesTo(customerId, vendorOwnerId, driverId);
    }

    public boolean isVisibleTo(Actor actor) {
        return !partiesOf(actor).isEmpty();
    }

    // ---- the state machine -------------------------------------------------------------------------------------

    /**
     * Moves the order to {@code target} on behalf of {@code actor}.
     *
     * @throws NotAllowedException        the actor is nothing to this order, or may never make this kind of move
     * @throws IllegalTransitionException the move does not exist from the current status (or lacks a driver)
     */
    public StatusChange moveTo(OrderStatus target, Actor actor, String reason, Instant now) {
        return move(target, actor, reason, null, now);
    }

    /** @param cancelCode the reason code of a cancellation; {@code null} to derive it from the acting party */
    private StatusChange move(OrderStatus target, Actor actor, String reason, String cancelCode, Instant now) {
        Set<Party> parties = partiesOf(actor);
        if (parties.isEmpty()) {
            throw new NotAllowedException("This order belongs to someone else");
        }
        Set<Party> allowed = OrderTransitions.whoMay(status, target).orElse(null);
        if (allowed == null) {
            if (!OrderTransitions.mayEverMoveTo(target, parties)) {
                throw new NotAllowedException(describe(parties) + " may not move an order to " + target);
            }
            throw new IllegalTransitionException(status, target);
        }
        if (allowed.stream().noneMatch(parties::contains)) {
            throw new NotAllowedException(describe(parties) + " may not move an order from " + status + " to " + target);
        }
        Party as = OrderTransitions.actingParty(parties, allowed);
        if (target == OrderStatus.PICKED_UP && driverId == null) {
            throw new IllegalTransitionException("no-driver-assigned", "No driver is assigned to this order yet");
        }
        OrderStatus from = status;
        status = target;
        if (target == PLACED) {
            placedAt = now;
        }
        if (target == CANCELLED) {
            cancelReason = cancelCode != null ? cancelCode : cancelReasonCode(as);
            cancelDetail = reason == null || reason.isBlank() ? null : truncate(reason, 500);
        }
        touch(now);
        timeline.add(new TimelineEntry(TimelineKind.STATUS_CHANGED, from, target, actor.userId(), as, reason, now));
        return new StatusChange(id, from, target, now, actor.userId(), as, eventFor(from, target, now));
    }

    /** Cancels on behalf of {@code actor}; the event's reason code follows the capacity it was done in. */
    public StatusChange cancel(Actor actor, String reason, Instant now) {
        return moveTo(CANCELLED, actor, reason, now);
    }

    /**
     * {@code payment.completed}: recorded; the order is PLACED once its stock is held too (see {@link PlacementSaga}).
     * In any other status than PENDING_PAYMENT the payment is only noted (payment refunds a capture on a cancelled
     * order by itself).
     */
    public StatusChange paymentCompleted(String providerReference, Instant now) {
        PlacementSaga.Decision decision = PlacementSaga.paymentCompleted(status, stockHeldAt != null, providerReference);
        if (!(decision instanceof PlacementSaga.Ignore)) {
            paidAt = now;
            paymentReference = providerReference;
        }
        return apply(decision, "Payment " + providerReference + " completed", now);
    }

    /** {@code inventory.reserved}: recorded; the order is PLACED once it is paid too. */
    public StatusChange stockHeld(Instant now) {
        PlacementSaga.Decision decision = PlacementSaga.stockHeld(status, paidAt != null);
        if (!(decision instanceof PlacementSaga.Ignore)) {
            stockHeldAt = now;
        }
        return apply(decision, "Stock held and payment " + paymentReference + " completed", now);
    }

    /** {@code inventory.rejected}: an order waiting for its hold is cancelled OUT_OF_STOCK, naming the items. */
    public StatusChange stockRejected(List<InventoryRejected.Shortage> shortages, Instant now) {
        Map<UUID, String> names = new LinkedHashMap<>();
        items.forEach(i -> names.putIfAbsent(i.menuItemId(), i.name()));
        return apply(PlacementSaga.stockRejected(status, shortages, names), null, now);
    }

    /** Cancels the order as the system if it missed one of the {@code deadlines}; {@code null} if it did not. */
    public StatusChange expireIfOverdue(OrderDeadlines deadlines, Instant now) {
        return deadlines.check(status, createdAt, placedAt, now)
                .map(overdue -> move(CANCELLED, Actor.theSystem(), overdue.detail(), overdue.reasonCode(), now))
                .orElse(null);
    }

    /** Carries out a saga decision; returns the move it made, or {@code null} when it only noted something. */
    private StatusChange apply(PlacementSaga.Decision decision, String placedReason, Instant now) {
        return switch (decision) {
            case PlacementSaga.Place place -> moveTo(PLACED, Actor.theSystem(), placedReason, now);
            case PlacementSaga.Cancel cancel ->
                    move(CANCELLED, Actor.theSystem(), cancel.detail(), cancel.reasonCode(), now);
            case PlacementSaga.Wait wait -> {
                note(wait.kind(), wait.note(), now);
                yield null;
            }
            case PlacementSaga.Ignore ignore -> {
                note(TimelineKind.EVENT_NOT_APPLIED, ignore.note(), now);
                yield null;
            }
        };
    }

    /** {@code payment.failed}: an order still waiting for payment is cancelled; otherwise only noted. */
    public StatusChange paymentFailed(String failureCode, String reason, Instant now) {
        if (status != PENDING_PAYMENT) {
            note(TimelineKind.EVENT_NOT_APPLIED, "payment.failed " + failureCode + " arrived while " + status, now);
            return null;
        }
        return move(CANCELLED, Actor.theSystem(), "Payment failed (" + failureCode + "): " + reason,
                OrderCancelled.PAYMENT_FAILED, now);
    }

    /** {@code payment.refunded}: money went back to the customer; recorded, the status does not change. */
    public void refunded(long amountMinor, String refundCurrency, String reason, Instant now) {
        refundedMinor = Math.addExact(refundedMinor, amountMinor);
        note(TimelineKind.PAYMENT_REFUNDED, "Refunded " + amountMinor + " " + refundCurrency + " (" + reason + ")", now);
    }

    /** {@code driver.assigned}: sets the driver while the order waits for pickup; returns whether it applied. */
    public boolean assignDriver(UUID newDriverId, String name, String vehicle, Instant now) {
        if (!DRIVER_ASSIGNABLE.contains(status)) {
            note(TimelineKind.EVENT_NOT_APPLIED, "driver.assigned " + newDriverId + " arrived while " + status, now);
            return false;
        }
        driverId = newDriverId;
        driverName = name;
        vehicleType = vehicle;
        touch(now);
        timeline.add(new TimelineEntry(TimelineKind.DRIVER_ASSIGNED, null, null, newDriverId, Party.DRIVER,
                name + " (" + vehicle + ")", now));
        return true;
    }

    /**
     * {@code driver.unavailable}: recorded for the customer and support to see; no automatic cancel (matching may go
     * on, and a person decides). A driver who withdrew before pickup is no longer the order's driver.
     */
    public void driverUnavailable(UUID droppedDriverId, String reason, Instant now) {
        if (droppedDriverId != null && droppedDriverId.equals(driverId) && DRIVER_ASSIGNABLE.contains(status)) {
            driverId = null;
            driverName = null;
            vehicleType = null;
        }
        note(TimelineKind.DRIVER_UNAVAILABLE, reason, now);
    }

    private void note(TimelineKind kind, String reason, Instant now) {
        touch(now);
        timeline.add(new TimelineEntry(kind, null, null, null, Party.SYSTEM, reason, now));
    }

    /** Every change touches the row, so every change bumps the version (which guards the read cache too). */
    private void touch(Instant now) {
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
    }

    // ---- events ------------------------------------------------------------------------------------------------

    public OrderCreated createdEvent() {
        return new OrderCreated(id, customerId, vendorId, vendorName, category,
                items.stream().map(i -> new OrderCreated.OrderLine(i.menuItemId(), i.name(), i.quantity(),
                        i.unitPriceMinor(), i.lineTotalMinor())).toList(),
                totals.subtotalMinor(), totals.deliveryFeeMinor(), totals.platformFeeMinor(), totals.tipMinor(),
                totals.taxMinor(), totals.totalMinor(), currency, address(), pickup(), estimatedReadyMinutes);
    }

    private OrderEvent eventFor(OrderStatus from, OrderStatus to, Instant now) {
        return switch (to) {
            case CONFIRMED -> new OrderConfirmed(id, customerId, vendorId, driverId, vendorName, pickup(), address(),
                    now.plus(Duration.ofMinutes(estimatedReadyMinutes)));
            case READY_FOR_PICKUP -> new OrderReadyForPickup(id, customerId, vendorId, driverId, vendorName, pickup());
            case PICKED_UP -> new OrderPickedUp(id, customerId, vendorId, driverId, address());
            case DELIVERED -> new OrderDelivered(id, customerId, vendorId, driverId, totals.subtotalMinor(),
                    totals.deliveryFeeMinor(), totals.platformFeeMinor(), totals.tipMinor(), totals.taxMinor(),
                    totals.totalMinor(), currency, distanceMeters);
            case CANCELLED -> new OrderCancelled(id, customerId, vendorId, driverId, cancelReason,
                    cancelledByOf(), from.name(), reservedStock(), cancelDetail);
            case PENDING_PAYMENT, PLACED, PREPARING -> null;
        };
    }

    private static String cancelReasonCode(Party as) {
        return switch (as) {
            case CUSTOMER -> OrderCancelled.CUSTOMER_REQUEST;
            case VENDOR -> OrderCancelled.VENDOR_REJECTED;
            case ADMIN -> OrderCancelled.ADMIN;
            case SYSTEM -> "SYSTEM";
            case DRIVER -> "DRIVER";
        };
    }

    /** The capacity the cancellation was recorded under (the last timeline entry is the move itself). */
    private String cancelledByOf() {
        return timeline.getLast().actorRole().name();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private List<OrderCancelled.ItemQuantity> reservedStock() {
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        items.forEach(i -> quantities.merge(i.menuItemId(), i.quantity(), Integer::sum));
        return quantities.entrySet().stream().map(e -> new OrderCancelled.ItemQuantity(e.getKey(), e.getValue()))
                .toList();
    }

    private Address address() {
        return new Address(deliveryAddress.line1(), deliveryAddress.city(), deliveryAddress.postalCode(),
                deliveryAddress.lat(), deliveryAddress.lng());
    }

    private GeoPoint pickup() {
        return new GeoPoint(vendorLocation.lat(), vendorLocation.lng());
    }

    private static String describe(Set<Party> parties) {
        return parties.size() == 1 ? "The " + parties.iterator().next().name().toLowerCase() : "You";
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID vendorId() {
        return vendorId;
    }

    public UUID vendorOwnerId() {
        return vendorOwnerId;
    }

    public String vendorName() {
        return vendorName;
    }

    public String category() {
        return category;
    }

    public String zoneId() {
        return zoneId;
    }

    public OrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public Totals totals() {
        return totals;
    }

    public long refundedMinor() {
        return refundedMinor;
    }

    public DeliveryAddress deliveryAddress() {
        return deliveryAddress;
    }

    public Location vendorLocation() {
        return vendorLocation;
    }

    public String vendorCity() {
        return vendorCity;
    }

    public int distanceMeters() {
        return distanceMeters;
    }

    public int estimatedReadyMinutes() {
        return estimatedReadyMinutes;
    }

    public int estimatedDeliveryMinutes() {
        return estimatedDeliveryMinutes;
    }

    public String prescriptionReference() {
        return prescriptionReference;
    }

    public Substitution substitutionPreference() {
        return substitutionPreference;
    }

    public String note() {
        return note;
    }

    public UUID driverId() {
        return driverId;
    }

    public String driverName() {
        return driverName;
    }

    public String vehicleType() {
        return vehicleType;
    }

    public Instant stockHeldAt() {
        return stockHeldAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public String paymentReference() {
        return paymentReference;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public String cancelDetail() {
        return cancelDetail;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestHash() {
        return requestHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public List<OrderItem> items() {
        return List.copyOf(items);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
