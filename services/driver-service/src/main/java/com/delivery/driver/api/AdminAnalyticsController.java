package com.delivery.driver.api;

import com.delivery.driver.app.DriverAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    private final DriverAnalytics analytics;

    AdminAnalyticsController(DriverAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/drivers")
    @Operation(summary = "Driver utilization over a range: time on deliveries / time online, for the fleet and per "
            + "driver (highest first, paged)",
            description = "Time online = recorded shifts plus the current shift of drivers online now; time on "
                    + "deliveries = assignments from acceptance until delivered or cancelled (until now while under "
                    + "way), counted only while online. Every period is clipped to [from, to). 400 for an unknown "
                    + "zone, a missing or reversed range, or one longer than 366 days.")
    DriverAnalytics.Report drivers(
            @Parameter(description = "inclusive; ISO instant (2026-03-01T00:00:00Z) or date (midnight in `zone`)")
            @RequestParam(required = false) String from,
            @Parameter(description = "exclusive; ISO instant or date")
            @RequestParam(required = false) String to,
            @Parameter(description = "IANA time zone for dates; default UTC")
            @RequestParam(required = false) String zone,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return analytics.utilization(from, to, zone, page, size);
    }
}
