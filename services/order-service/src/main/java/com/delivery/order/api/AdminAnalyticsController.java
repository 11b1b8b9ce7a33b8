package com.delivery.order.api;

import com.delivery.order.app.OrderAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/analytics")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: analytics")
class AdminAnalyticsController {

    private final OrderAnalytics analytics;

    AdminAnalyticsController(OrderAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders, revenue, platform fees and average delivery time over a date range, in total and "
            + "per category, hour of day, day of week, vendor city or named region",
            description = "Orders created in [from, to), any status; `orders` includes cancelled ones, money and "
                    + "delivery times count DELIVERED orders only (per currency, minor units). Revenue = items + "
                    + "delivery fees. Average delivery time = placed to delivered, from the order's timeline. "
                    + "400 for an unknown zone or groupBy, a missing or reversed range, or one longer than 366 days.")
    OrderAnalytics.Report orders(
            @Parameter(description = "inclusive; ISO instant (2026-03-01T00:00:00Z) or date (midnight in `zone`)")
            @RequestParam(required = false) String from,
            @Parameter(description = "exclusive; ISO instant or date (to=2026-04-01 ends with March 31)")
            @RequestParam(required = false) String to,
            @Parameter(description = "IANA time zone of dates, hour of day and day of week; default UTC")
            @RequestParam(required = false) String zone,
            @Parameter(description = "category (default), hourOfDay, dayOfWeek, city or region")
            @RequestParam(required = false) String groupBy) {
        return analytics.report(from, to, zone, groupBy);
    }
}
