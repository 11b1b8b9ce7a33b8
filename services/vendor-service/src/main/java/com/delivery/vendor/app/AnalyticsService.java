package com.delivery.vendor.app;

import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderCreated;
import com.delivery.events.OrderDelivered;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.vendor.domain.OrderFacts;
import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.Vendors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales analytics from consumed order events, kept in the vendor service's own tables. An order counts from its
 * creation time; revenue (the item subtotal, the vendor's part) counts only delivered orders, so cancelled and
 * still-running orders never inflate it.
 */
@Service
public class AnalyticsService {

    public record Report(UUID vendorId, String currency, LocalDate from, LocalDate to, long orders,
            long revenueMinor, long averageOrderValueMinor, long ordersReceived, long ordersCancelled,
            long ordersInProgress, List<OrderFacts.TopItem> topItems, List<Long> ordersByHour) {
    }

    private final OrderFacts facts;
    private final Vendors vendors;
    private final VendorAccess access;

    private final Clock clock;

    AnalyticsService(OrderFacts facts, Vendors vendors, VendorAccess access, Clock clock) {
        this.facts = facts;
        this.vendors = vendors;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public void orderCreated(OrderCreated order, Instant at) {
        if (vendors.findById(order.vendorId()).isPresent()) {
            facts.recordCreated(order.orderId(), order.vendorId(), order.customerId(), order.subtotalMinor(),
                    order.currency(), at, order.items().stream()
                            .map(l -> new OrderFacts.Line(l.menuItemId(), l.name(), l.quantity(), l.lineTotalMinor()))
                            .toList());
        }
    }

    @Transactional
    public void orderDelivered(OrderDelivered order, Instant at) {
        if (vendors.findById(order.vendorId()).isPresent()) {
            facts.recordDelivered(order.orderId(), order.vendorId(), order.customerId(), order.subtotalMinor(),
                    order.currency(), at);
        }
    }

    @Transactional
    public void orderCancelled(OrderCancelled order, Instant at) {
        if (vendors.findById(order.vendorId()).isPresent()) {
            facts.recordCancelled(order.orderId(), order.vendorId(), order.customerId(), at);
        }
    }

    /**
     * Orders created on local days {@code from}..{@code to} (inclusive) in the vendor's time zone; without {@code to}
     * up to today there (not in UTC: in Berlin the hour before midnight UTC is already tomorrow), without
     * {@code from} the 30 days up to {@code to}.
     */
    @Transactional(readOnly = true)
    public Report report(UUID vendorId, CurrentUser user, LocalDate requestedFrom, LocalDate requestedTo) {
        Vendor vendor = access.forChange(vendorId, user);
        LocalDate to = requestedTo != null ? requestedTo : LocalDate.now(clock.withZone(vendor.zone()));
        LocalDate from = requestedFrom != null ? requestedFrom : to.minusDays(29);
        if (to.isBefore(from)) {
            throw ApiException.badRequest("invalid-range", "'to' must not be before 'from'");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw ApiException.badRequest("invalid-range", "A report covers at most a year");
        }
        Instant start = from.atStartOfDay(vendor.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(vendor.zone()).toInstant();
        OrderFacts.Summary summary = facts.summarize(vendorId, start, end);
        long average = summary.delivered() == 0 ? 0
                : BigDecimal.valueOf(summary.revenueMinor())
                        .divide(BigDecimal.valueOf(summary.delivered()), 0, RoundingMode.HALF_EVEN).longValueExact();
        Map<Integer, Long> byHour = facts.deliveredByHour(vendorId, start, end, vendor.zone());
        return new Report(vendorId, vendor.currency(), from, to, summary.delivered(), summary.revenueMinor(), average,
                summary.received(), summary.cancelled(), summary.inProgress(),
                facts.topItems(vendorId, start, end, 10),
                IntStream.range(0, 24).mapToObj(h -> byHour.getOrDefault(h, 0L)).toList());
    }
}
