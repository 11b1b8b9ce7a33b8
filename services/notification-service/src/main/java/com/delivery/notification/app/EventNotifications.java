package com.delivery.notification.app;

import com.delivery.events.Address;
import com.delivery.events.DriverAssigned;
import com.delivery.events.EventCodec;
import com.delivery.events.DriverOffer;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventEnvelope;
import com.delivery.events.EventPayload;
import com.delivery.events.GeoPoint;
import com.delivery.events.InventoryLowStock;
import com.delivery.events.InventoryOutOfStock;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderPickedUp;
import com.delivery.events.OrderReadyForPickup;
import com.delivery.events.PaymentFailed;
import com.delivery.events.PaymentRefunded;
import com.delivery.events.PayoutPaid;
import com.delivery.events.UserRegistered;
import com.delivery.events.UserUpdated;
import com.delivery.events.VendorRegistered;
import com.delivery.notification.domain.Audience;
import com.delivery.notification.domain.ContactDetails;
import com.delivery.notification.domain.Contacts;
import com.delivery.notification.domain.DeferredEvents;
import com.delivery.notification.domain.Money;
import com.delivery.notification.domain.OrderLine;
import com.delivery.notification.domain.OrderSnapshot;
import com.delivery.notification.domain.OrderSnapshots;
import com.delivery.notification.domain.OrderTotals;
import com.delivery.notification.domain.VendorOwner;
import com.delivery.notification.domain.VendorOwners;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each consumed event means for notifications: directory updates for user.* and vendor.registered, and for
 * the others the parties to tell and the facts the templates show (vendor, items, totals in the order's currency
 * written the reader's way, ETA). Later order events take vendor and items from the order.created snapshot.
 */
@Service
public class EventNotifications {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** How long an event waits for a recipient the directory does not know yet. */
    private static final Duration HOLD_FOR = Duration.ofHours(1);

    private final ContactDirectory directory;
    private final NotificationPlanner planner;
    private final OrderSnapshots snapshots;
    private final VendorOwners vendorOwners;
    private final Contacts contacts;
    private final NotificationProperties properties;
    private final DeferredEvents deferredEvents;
    private final Clock clock;

    EventNotifications(ContactDirectory directory, NotificationPlanner planner, OrderSnapshots snapshots,
            VendorOwners vendorOwners, Contacts contacts, NotificationProperties properties,
            DeferredEvents deferredEvents, Clock clock) {
        this.directory = directory;
        this.planner = planner;
        this.snapshots = snapshots;
        this.vendorOwners = vendorOwners;
        this.contacts = contacts;
        this.properties = properties;
        this.deferredEvents = deferredEvents;
        this.clock = clock;
    }

    /** Applies one event; events this service does not use are ignored. */
    @Transactional
    public void on(EventEnvelope<? extends EventPayload> event) {
        Instant at = event.occurredAt();
        switch (event.payload()) {
            case UserRegistered user -> {
                directory.userChanged(user.userId(),
                        new ContactDetails(user.email(), user.phone(), user.fullName(), user.role(), user.locale()), at);
                plan(event, null, Map.of(Audience.USER, user.userId()), (locale, m) -> {
                });
                replayHeldFor(user.userId());
            }
            case UserUpdated user -> {
                directory.userChanged(user.userId(),
                        new ContactDetails(user.email(), user.phone(), user.fullName(), user.role(), user.locale()), at);
                replayHeldFor(user.userId());
            }
            case VendorRegistered vendor -> {
                directory.vendorRegistered(vendor.vendorId(), vendor.ownerUserId(), vendor.name(), at);
                replayHeldFor(vendor.vendorId());
            }
            case OrderCreated order -> orderCreated(event, at, order);
            case OrderConfirmed order -> plan(event, order.orderId(), customerAndVendor(order.customerId(),
                    order.vendorId()), (locale, m) -> {
                        m.put("vendorName", order.vendorName());
                        m.put("etaMinutes", minutesBetween(at, order.estimatedReadyAt()));
                        m.put("readyAt", clockTime(order.estimatedReadyAt()));
                    });
            case OrderReadyForPickup order -> plan(event, order.orderId(),
                    parties(order.customerId(), order.vendorId(), order.driverId()), (locale, m) -> {
                        m.put("vendorName", order.vendorName());
                        putOrderFacts(m, order.orderId(), locale);
                    });
            case OrderPickedUp order -> plan(event, order.orderId(),
                    parties(order.customerId(), order.vendorId(), order.driverId()), (locale, m) -> {
                        m.put("vendorName", vendorName(order.orderId(), order.vendorId()));
                        putAddress(m, order.deliveryAddress());
                    });
            case OrderDelivered order -> plan(event, order.orderId(),
                    parties(order.customerId(), order.vendorId(), order.driverId()), (locale, m) -> {
                        m.put("vendorName", vendorName(order.orderId(), order.vendorId()));
                        putOrderFacts(m, order.orderId(), locale);
                        putTotals(m, new OrderTotals(order.subtotalMinor(), order.deliveryFeeMinor(), order.tipMinor(),
                                order.taxMinor(), order.totalMinor()), order.currency(), locale);
                    });
            case OrderCancelled order -> plan(event, order.orderId(),
                    parties(order.customerId(), order.vendorId(), order.driverId()), (locale, m) -> {
                        m.put("vendorName", vendorName(order.orderId(), order.vendorId()));
                        putOrderFacts(m, order.orderId(), locale);
                        putCancellation(m, order);
                    });
            case PaymentFailed payment -> plan(event, payment.orderId(),
                    Map.of(Audience.CUSTOMER, payment.customerId()), (locale, m) -> {
                        m.put("amount", Money.format(payment.amountMinor(), payment.currency(), locale));
                        m.put("reason", payment.reason());
                        m.put("vendorName", snapshots.findById(payment.orderId()).map(OrderSnapshot::vendorName)
                                .orElse(null));
                    });
            case PaymentRefunded refund -> plan(event, refund.orderId(),
                    Map.of(Audience.CUSTOMER, refund.customerId()), (locale, m) -> {
                        m.put("amount", Money.format(refund.amountMinor(), refund.currency(), locale));
                        m.put("vendorName", snapshots.findById(refund.orderId()).map(OrderSnapshot::vendorName)
                                .orElse(null));
                        m.put("orderCancelled", "ORDER_CANCELLED".equals(refund.reason()));
                    });
            case DriverUnavailable unavailable -> plan(event, unavailable.orderId(),
                    Map.of(Audience.CUSTOMER, unavailable.customerId()), (locale, m) -> {
                        m.put("vendorName", vendorName(unavailable.orderId(), unavailable.vendorId()));
                        m.put("driverWithdrew", unavailable.driverId() != null);
                    });
            case DriverOffer offer -> plan(event, offer.orderId(), Map.of(Audience.DRIVER, offer.driverId()),
                    (locale, m) -> {
                        m.put("vendorName", offer.vendorName());
                        m.put("expiresInSeconds", Math.max(0, Duration.between(at, offer.expiresAt()).toSeconds()));
                        m.put("expiresAt", clockTime(offer.expiresAt()));
                        m.put("distance", kilometres(offer.pickup(), offer.dropoff(), locale));
                    });
            case DriverAssigned assigned -> plan(event, assigned.orderId(),
                    customerAndVendor(assigned.customerId(), assigned.vendorId()), (locale, m) -> {
                        m.put("driverName", assigned.driverName());
                        m.put("vendorName", vendorName(assigned.orderId(), assigned.vendorId()));
                    });
            case InventoryLowStock stock -> plan(event, null, Map.of(Audience.VENDOR, stock.vendorId()),
                    (locale, m) -> {
                        m.put("itemName", stock.itemName());
                        m.put("quantityLeft", stock.quantityLeft());
                        m.put("threshold", stock.threshold());
                        m.put("vendorName", vendorName(null, stock.vendorId()));
                    });
            case InventoryOutOfStock stock -> plan(event, null, Map.of(Audience.VENDOR, stock.vendorId()),
                    (locale, m) -> {
                        m.put("itemName", stock.itemName());
                        m.put("vendorName", vendorName(null, stock.vendorId()));
                    });
            case PayoutPaid payout -> plan(event, payout.orderId(), Map.of(Audience.VENDOR, payout.vendorId()),
                    (locale, m) -> {
                        m.put("amount", Money.format(payout.amountMinor(), payout.currency(), locale));
                        m.put("vendorName", vendorName(payout.orderId(), payout.vendorId()));
                        m.put("transferReference", payout.providerReference());
                    });
            default -> {
            }
        }
    }

    private void orderCreated(EventEnvelope<? extends EventPayload> event, Instant at, OrderCreated order) {
        OrderTotals totals = new OrderTotals(order.subtotalMinor(), order.deliveryFeeMinor(), order.tipMinor(),
                order.taxMinor(), order.totalMinor());
        if (!snapshots.existsById(order.orderId())) {
            List<OrderLine> lines = order.items().stream()
                    .map(l -> new OrderLine(l.name(), l.quantity(), l.unitPriceMinor(), l.lineTotalMinor())).toList();
            snapshots.save(new OrderSnapshot(order.orderId(), order.customerId(), order.vendorId(), order.vendorName(),
                    order.currency(), totals, lines, order.estimatedReadyMinutes(), at));
        }
        Optional<String> customerName = contacts.findById(order.customerId()).map(c -> c.fullName());
        plan(event, order.orderId(), customerAndVendor(order.customerId(), order.vendorId()), (locale, m) -> {
            m.put("vendorName", order.vendorName());
            m.put("etaMinutes", order.estimatedReadyMinutes());
            m.put("customerName", customerName.orElse(null));
            putOrderFacts(m, order.orderId(), locale);
            putTotals(m, totals, order.currency(), locale);
            putAddress(m, order.deliveryAddress());
        });
    }

    private void plan(EventEnvelope<? extends EventPayload> event, UUID orderId, Map<Audience, UUID> parties,
            BiConsumer<Locale, Map<String, Object>> facts) {
        planner.plan(new PlannedEvent(event.eventId(), event.type(), orderId, parties, locale -> {
            Map<String, Object> model = new LinkedHashMap<>();
            if (orderId != null) {
                model.put("orderId", orderId.toString());
                model.put("orderRef", orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT));
            }
            facts.accept(locale, model);
            return model;
        }, EventCodec.encode(event)));
    }

    /**
     * Plans again the events held for a person or vendor who just became known (their user.registered or
     * vendor.registered came after an event naming them). Messages already recorded for others are not recorded
     * twice.
     */
    private void replayHeldFor(UUID userId) {
        Instant now = clock.instant();
        for (String json : deferredEvents.takeFor(userId, now.minus(HOLD_FOR))) {
            on(EventCodec.decode(json));
        }
        deferredEvents.forgetOlderThan(now.minus(HOLD_FOR));
    }

    /** Items and amounts from the order.created snapshot, when this service saw it. */
    private void putOrderFacts(Map<String, Object> model, UUID orderId, Locale locale) {
        snapshots.findById(orderId).ifPresent(snapshot -> {
            List<Map<String, Object>> items = new ArrayList<>();
            int count = 0;
            for (OrderLine line : snapshot.items()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("quantity", line.quantity());
                item.put("name", line.name());
                item.put("unitPrice", Money.format(line.unitPriceMinor(), snapshot.currency(), locale));
                item.put("lineTotal", Money.format(line.lineTotalMinor(), snapshot.currency(), locale));
                items.add(item);
                count += line.quantity();
            }
            model.put("items", items);
            model.put("hasItems", !items.isEmpty());
            model.put("itemCount", count);
            model.putIfAbsent("vendorName", snapshot.vendorName());
            putTotals(model, snapshot.totals(), snapshot.currency(), locale);
        });
    }

    /**
     * Why the order was cancelled, for the templates: the raw {@code reason}, one flag per known reason code
     * ({@code customerRequest}, {@code vendorRejected}, {@code vendorTimeout}, {@code outOfStock},
     * {@code paymentFailed}, {@code paymentTimeout}, {@code admin}, else {@code otherReason}), the producer's
     * {@code detail} (trimmed, without a closing period, {@code null} when empty) and what happens to the money:
     * {@code notCharged} (nothing was taken), {@code fullRefund} (a paid order is refunded in full) or
     * {@code refundIfCharged} (whatever was taken goes back). Public for the template tests.
     */
    public static void putCancellation(Map<String, Object> model, OrderCancelled order) {
        String reason = order.reason();
        model.put("reason", reason);
        model.put("detail", cancellationDetail(order.detail()));
        model.put("customerRequest", OrderCancelled.CUSTOMER_REQUEST.equals(reason));
        model.put("vendorRejected", OrderCancelled.VENDOR_REJECTED.equals(reason));
        model.put("vendorTimeout", OrderCancelled.VENDOR_TIMEOUT.equals(reason));
        model.put("outOfStock", OrderCancelled.OUT_OF_STOCK.equals(reason));
        model.put("paymentFailed", OrderCancelled.PAYMENT_FAILED.equals(reason));
        model.put("paymentTimeout", OrderCancelled.PAYMENT_TIMEOUT.equals(reason));
        model.put("admin", OrderCancelled.ADMIN.equals(reason));
        boolean known = switch (reason) {
            case OrderCancelled.CUSTOMER_REQUEST, OrderCancelled.VENDOR_REJECTED, OrderCancelled.VENDOR_TIMEOUT,
                    OrderCancelled.OUT_OF_STOCK, OrderCancelled.PAYMENT_FAILED, OrderCancelled.PAYMENT_TIMEOUT,
                    OrderCancelled.ADMIN -> true;
            default -> false;
        };
        model.put("otherReason", !known);
        // out of stock: the payment was never opened; a failed payment took nothing; a vendor timeout is a paid order
        boolean notCharged = switch (reason) {
            case OrderCancelled.OUT_OF_STOCK, OrderCancelled.PAYMENT_FAILED -> true;
            default -> false;
        };
        boolean fullRefund = OrderCancelled.VENDOR_TIMEOUT.equals(reason);
        model.put("notCharged", notCharged);
        model.put("fullRefund", fullRefund);
        model.put("refundIfCharged", !notCharged && !fullRefund);
    }

    /** The producer's words, ready to sit inside a sentence: trimmed, no closing period, {@code null} if empty. */
    public static String cancellationDetail(String detail) {
        if (detail == null) {
            return null;
        }
        String text = detail.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text.isEmpty() ? null : text;
    }

    private static void putTotals(Map<String, Object> model, OrderTotals totals, String currency, Locale locale) {
        model.put("subtotal", Money.format(totals.subtotalMinor(), currency, locale));
        model.put("deliveryFee", Money.format(totals.deliveryFeeMinor(), currency, locale));
        model.put("tip", totals.tipMinor() > 0 ? Money.format(totals.tipMinor(), currency, locale) : null);
        model.put("tax", totals.taxMinor() > 0 ? Money.format(totals.taxMinor(), currency, locale) : null);
        model.put("total", Money.format(totals.totalMinor(), currency, locale));
    }

    private static void putAddress(Map<String, Object> model, Address address) {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("line1", address.line1());
        lines.put("city", address.city());
        lines.put("postalCode", address.postalCode());
        model.put("address", lines);
    }

    private String vendorName(UUID orderId, UUID vendorId) {
        Optional<String> fromOrder = orderId == null ? Optional.empty()
                : snapshots.findById(orderId).map(OrderSnapshot::vendorName);
        return fromOrder.or(() -> vendorOwners.findById(vendorId).map(VendorOwner::vendorName)).orElse(null);
    }

    private String clockTime(Instant instant) {
        return CLOCK.format(instant.atZone(properties.timeZone()));
    }

    private static long minutesBetween(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return seconds <= 0 ? 0 : (seconds + 59) / 60;
    }

    private static Map<Audience, UUID> customerAndVendor(UUID customerId, UUID vendorId) {
        return parties(customerId, vendorId, null);
    }

    private static Map<Audience, UUID> parties(UUID customerId, UUID vendorId, UUID driverId) {
        Map<Audience, UUID> parties = new EnumMap<>(Audience.class);
        parties.put(Audience.CUSTOMER, customerId);
        parties.put(Audience.VENDOR, vendorId);
        if (driverId != null) {
            parties.put(Audience.DRIVER, driverId);
        }
        return parties;
    }

    /** Straight-line distance, pickup to drop-off, as "1.9 km" (or "1,9 km"). */
    static String kilometres(GeoPoint from, GeoPoint to, Locale locale) {
        double earthRadiusKm = 6371.0;
        double dLat = Math.toRadians(to.lat() - from.lat());
        double dLng = Math.toRadians(to.lng() - from.lng());
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(from.lat()))
                * Math.cos(Math.toRadians(to.lat())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        double km = earthRadiusKm * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(km) + " km";
    }
}
