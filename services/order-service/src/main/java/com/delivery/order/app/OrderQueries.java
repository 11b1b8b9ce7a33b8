package com.delivery.order.app;

import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import com.delivery.order.domain.Actor;
import com.delivery.order.domain.OrderFilter;
import com.delivery.order.domain.OrderStatus;
import com.delivery.order.domain.Orders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders: one order through the read cache, lists from the database, and the admin figures. */
@Service
public class OrderQueries {

    static final int STATS_MINUTES = 15;

    private final Orders orders;
    private final OrderCache cache;
    private final Clock clock;

    OrderQueries(Orders orders, OrderCache cache, Clock clock) {
        this.orders = orders;
        this.cache = cache;
        this.clock = clock;
    }

    /** One order for someone who may see it: its customer, its vendor's owner, its driver or an admin. */
    @Transactional(readOnly = true)
    public OrderView get(UUID orderId, Actor actor) {
        OrderView view = view(orderId);
        if (!view.isVisibleTo(actor)) {
            throw ApiException.forbidden("This order belongs to someone else");
        }
        return view;
    }

    /** Whether the actor may see the order (for socket rooms); unknown orders are not visible. */
    @Transactional(readOnly = true)
    public boolean isVisible(UUID orderId, Actor actor) {
        return find(orderId).map(view -> view.isVisibleTo(actor)).orElse(false);
    }

    @Transactional(readOnly = true)
    public OrderView view(UUID orderId) {
        return find(orderId).orElseThrow(() -> ApiException.notFound("Order", orderId));
    }

    private Optional<OrderView> find(UUID orderId) {
        Optional<OrderView> cached = cache.get(orderId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<OrderView> loaded = orders.findById(orderId).map(OrderView::of);
        loaded.ifPresent(cache::put);
        return loaded;
    }

    /** A customer's orders: their own, or anyone's for an admin. */
    @Transactional(readOnly = true)
    public OrderPage ofCustomer(UUID customerId, Set<OrderStatus> statuses, Instant from, Instant to, int page,
            int size, Actor actor) {
        if (!actor.isAdmin() && !customerId.equals(actor.userId())) {
            throw ApiException.forbidden("These are someone else's orders");
        }
        return page(new OrderFilter(customerId, null, null, statuses, null, from, to), page, size);
    }

    /**
     * A vendor's orders, for the vendor's owner (as named by the quotes of its orders) or an admin. An owner sees
     * the orders placed while they owned the vendor.
     */
    @Transactional(readOnly = true)
    public OrderPage ofVendor(UUID vendorId, Set<OrderStatus> statuses, Instant from, Instant to, int page, int size,
            Actor actor) {
        if (actor.isAdmin()) {
            return page(new OrderFilter(null, vendorId, null, statuses, null, from, to), page, size);
        }
        if (!actor.roles().contains(Role.VENDOR)) {
            throw ApiException.forbidden("Only the vendor's owner or an admin may list its orders");
        }
        OrderFilter own = new OrderFilter(null, vendorId, actor.userId(), Set.of(), null, null, null);
        if (orders.count(own) == 0 && orders.existsByVendorId(vendorId)) {
            throw ApiException.forbidden("This vendor belongs to someone else");
        }
        return page(new OrderFilter(null, vendorId, actor.userId(), statuses, null, from, to), page, size);
    }

    /** Everything, filtered (admins). */
    @Transactional(readOnly = true)
    public OrderPage search(OrderFilter filter, int page, int size) {
        return page(filter, page, size);
    }

    private OrderPage page(OrderFilter filter, int page, int size) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ApiException.badRequest("invalid-range", "'from' must be before 'to'");
        }
        Orders.Found found = orders.search(filter, page, size);
        return new OrderPage(found.orders().stream().map(OrderSummary::of).toList(), page, size, found.total());
    }

    /** Live figures for the admin dashboard. */
    public record Stats(Map<String, Long> activeByStatus, long activeTotal, List<MinuteCount> perMinute,
            double averagePerMinute, Instant since) {

        public record MinuteCount(Instant minute, long orders) {
        }
    }

    @Transactional(readOnly = true)
    public Stats stats() {
        Map<OrderStatus, Long> counted = orders.countActiveByStatus();
        Map<String, Long> active = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.ACTIVE) {
            active.put(status.name(), counted.getOrDefault(status, 0L));
        }
        Instant thisMinute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant since = thisMinute.minus(Duration.ofMinutes(STATS_MINUTES - 1));
        Map<Instant, Long> perMinute = orders.createdPerMinuteSince(since);
        List<Stats.MinuteCount> minutes = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < STATS_MINUTES; i++) {
            Instant minute = since.plus(Duration.ofMinutes(i));
            long count = perMinute.getOrDefault(minute, 0L);
            total += count;
            minutes.add(new Stats.MinuteCount(minute, count));
        }
        return new Stats(active, active.values().stream().mapToLong(Long::longValue).sum(), minutes,
                (double) total / STATS_MINUTES, since);
    }
}
