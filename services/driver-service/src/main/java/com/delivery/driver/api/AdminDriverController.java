package com.delivery.driver.api;

import com.delivery.driver.api.DriverRequests.Reason;
import com.delivery.driver.api.DriverResponses.DriverResponse;
import com.delivery.driver.api.DriverResponses.FleetStatsResponse;
import com.delivery.driver.api.DriverResponses.PageResponse;
import com.delivery.driver.app.DriverAdministration;
import com.delivery.driver.domain.DriverStatus;
import com.delivery.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/drivers")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: drivers")
class AdminDriverController {

    private final DriverAdministration administration;

    AdminDriverController(DriverAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "Drivers in a status with their documents, oldest first (default: the review queue, PENDING)")
    PageResponse<DriverResponse> queue(@RequestParam(defaultValue = "PENDING") DriverStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        DriverAdministration.Page result = administration.queue(status, page, size);
        return new PageResponse<>(result.drivers().stream().map(DriverResponse::of).toList(), page, size,
                result.total());
    }

    @PostMapping("/{driverId}/approve")
    @Operation(summary = "Approve a pending driver (needs all documents, valid today)")
    DriverResponse approve(@PathVariable UUID driverId, CurrentUser admin) {
        return DriverResponse.of(administration.approve(driverId, admin.id()));
    }

    @PostMapping("/{driverId}/reject")
    @Operation(summary = "Reject a pending driver, saying why")
    DriverResponse reject(@PathVariable UUID driverId, CurrentUser admin, @Valid @RequestBody Reason reason) {
        return DriverResponse.of(administration.reject(driverId, admin.id(), reason.reason()));
    }

    @PostMapping("/{driverId}/suspend")
    @Operation(summary = "Suspend an approved driver, saying why; they go offline at once")
    DriverResponse suspend(@PathVariable UUID driverId, CurrentUser admin, @Valid @RequestBody Reason reason) {
        return DriverResponse.of(administration.suspend(driverId, admin.id(), reason.reason()));
    }

    @PostMapping("/{driverId}/reinstate")
    @Operation(summary = "Lift a suspension")
    DriverResponse reinstate(@PathVariable UUID driverId, CurrentUser admin) {
        return DriverResponse.of(administration.reinstate(driverId, admin.id()));
    }

    @GetMapping("/stats")
    @Operation(summary = "Drivers online, busy (on an active order), available, and pending review")
    FleetStatsResponse stats() {
        DriverAdministration.FleetStats stats = administration.stats();
        return new FleetStatsResponse(stats.online(), stats.busy(), stats.available(), stats.pending());
    }
}
