package com.delivery.order.app;

import com.delivery.kit.web.ApiException;
import com.delivery.order.domain.Actor;
import com.delivery.order.domain.CategoryRules;
import com.delivery.order.domain.Checkout;
import com.delivery.order.domain.ItemOption;
import com.delivery.order.domain.Location;
import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderItem;
import com.delivery.order.domain.Orders;
import com.delivery.order.domain.Totals;
import com.delivery.order.app.VendorQuotes.VendorQuote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout: prices the order from the vendor's catalog replica, or the vendor service's quote while the replica does
 * not hold the vendor ({@link CheckoutPricing}; never with prices the client sent), applies the category rules,
 * computes the totals and stores the order with its {@code order.created} event in one transaction. Prices are taken
 * before any transaction opens, so a vendor service that is down leaves nothing behind.
 *
 * <p>With an {@code Idempotency-Key}, the same key and the same request give the same order; the same key with
 * another request is refused (422). Keys are per customer.
 */
@Service
public class OrderPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final Orders orders;
    private final CheckoutPricing pricing;
    private final OrderChanges changes;
    private final OrderQueries queries;
    private final OrderProperties properties;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    OrderPlacement(Orders orders, CheckoutPricing pricing, OrderChanges changes, OrderQueries queries,
            OrderProperties properties, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.pricing = pricing;
        this.changes = changes;
        this.queries = queries;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** The order, and whether this call created it ({@code false}: a replay of the same idempotent request). */
    public record Placement(OrderView order, boolean created) {
    }

    public Placement place(Actor customer, PlaceOrder request, String authorization, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        String hash = fingerprint(request);
        if (key != null) {
            Optional<Placement> replay = replay(customer.userId(), key, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        VendorQuote quote = pricing.price(request, authorization);
        Checkout checkout = checkout(customer.userId(), request, quote, key, hash);
        try {
            OrderView created = tx.execute(status -> {
                Order order = orders.saveAndFlush(Order.place(checkout, clock.instant()));
                changes.created(order);
                return OrderView.of(order);
            });
            return new Placement(created, true);
        } catch (DataIntegrityViolationException e) {
            // the same key won a race with us a moment ago
            if (key != null) {
                Optional<Placement> replay = replay(customer.userId(), key, hash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
    }

    private Optional<Placement> replay(UUID customerId, String key, String hash) {
        Optional<Order> earlier = tx.execute(status -> orders.findByCustomerIdAndIdempotencyKey(customerId, key));
        if (earlier == null || earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().requestHash().equals(hash)) {
            throw ApiException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request");
        }
        log.info("Idempotent replay orderId={} customerId={}", earlier.get().id(), customerId);
        return Optional.of(new Placement(queries.view(earlier.get().id()), false));
    }

    private Checkout checkout(UUID customerId, PlaceOrder request, VendorQuote quote, String key, String hash) {
        String category = quote.category() == null ? "OTHER" : quote.category().trim().toUpperCase(Locale.ROOT);
        List<String> problems = new ArrayList<>(quote.problems());
        List<OrderItem> items = new ArrayList<>();
        List<VendorQuote.Item> unmatched = new ArrayList<>(quote.items());
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrder.Line line = request.items().get(i);
            VendorQuote.Item quoted = take(unmatched, line);
            if (quoted == null) {
                problems.add("Item " + line.menuItemId() + " is not on the menu of " + quote.vendorName());
                continue;
            }
            if (!quoted.available()) {
                problems.add("'" + quoted.name() + "' is not available right now");
            }
            items.add(new OrderItem(i + 1, quoted.menuItemId(), quoted.name(), line.quantity(), quoted.unitPriceMinor(),
                    quoted.lineTotalMinor(), quoted.prescriptionRequired(),
                    CategoryRules.lineSubstitution(category, line.substitution()),
                    quoted.options().stream().map(o -> new ItemOption(o.optionId(), o.name(), o.priceDeltaMinor()))
                            .toList()));
        }
        if (quote.problems().isEmpty()) {
            // the replica's pricing and the vendor service list these themselves; asked again in case an older
            // vendor service only sets the flags
            if (!quote.open()) {
                problems.add(quote.vendorName() + " is closed right now");
            }
            if (!quote.deliverable()) {
                problems.add(quote.vendorName() + " does not deliver to this address");
            }
        }
        Totals totals = Totals.of(items.stream().map(OrderItem::lineTotalMinor).toList(), quote.deliveryFeeMinor(),
                request.tipMinor(), properties.platformFeePercent(), properties.taxPercent());
        if (quote.problems().isEmpty() && problems.isEmpty() && totals.subtotalMinor() < quote.minimumOrderMinor()) {
            problems.add("The minimum order at " + quote.vendorName() + " is " + quote.minimumOrderMinor() + " "
                    + quote.currency() + " (minor units) before fees");
        }
        problems.addAll(CategoryRules.problems(items.stream()
                .map(i -> new CategoryRules.Line(i.name(), i.prescriptionRequired())).toList(),
                request.prescriptionReference()));
        if (!problems.isEmpty()) {
            log.info("Order refused vendorId={} customerId={} problems={}", request.vendorId(), customerId, problems);
            throw new OrderNotPlaceableException(problems.stream().distinct().toList());
        }
        if (quote.subtotalMinor() != totals.subtotalMinor()) {
            log.warn("Vendor quote subtotal {} differs from its lines {} vendorId={}; using the lines",
                    quote.subtotalMinor(), totals.subtotalMinor(), quote.vendorId());
        }
        Location vendorLocation = new Location(quote.vendorLocation().lat(), quote.vendorLocation().lng());
        int distance = vendorLocation.metersTo(request.deliveryAddress().lat(), request.deliveryAddress().lng());
        OrderProperties.Estimate estimate = properties.estimate();
        int ready = CategoryRules.readyMinutes(category, quote.estimatedPrepMinutes(), estimate.handlingMinutes());
        int delivery = CategoryRules.deliveryMinutes(ready, distance, estimate.courierSpeedKmh(),
                estimate.handoverMinutes());
        return new Checkout(UUID.randomUUID(), customerId, request.vendorId(), quote.ownerUserId(), quote.vendorName(),
                category, quote.zoneId(), quote.currency(), items, totals, request.deliveryAddress(), vendorLocation,
                ready, delivery, blankToNull(request.prescriptionReference()),
                CategoryRules.substitutionPreference(category, request.substitutionPreference()),
                blankToNull(request.note()), key, hash, quote.vendorCity());
    }

    /** The quoted line for a requested line: same item and quantity, first come first served. */
    private static VendorQuote.Item take(List<VendorQuote.Item> quoted, PlaceOrder.Line line) {
        for (int i = 0; i < quoted.size(); i++) {
            VendorQuote.Item candidate = quoted.get(i);
            if (candidate.menuItemId().equals(line.menuItemId()) && candidate.quantity() == line.quantity()) {
                return quoted.remove(i);
            }
        }
        return null;
    }

    private String fingerprint(PlaceOrder request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
