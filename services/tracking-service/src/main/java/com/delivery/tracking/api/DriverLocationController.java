package com.delivery.tracking.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.tracking.api.TrackingViews.LocationView;
import com.delivery.tracking.api.TrackingViews.ReportView;
import com.delivery.tracking.app.LocationTracking;
import com.delivery.tracking.app.ReportResult;
import com.delivery.tracking.app.TrackingQueries;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Position;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tracking/drivers")
@Tag(name = "Driver locations")
@Validated
class DriverLocationController {

    private final LocationTracking tracking;
    private final TrackingQueries queries;

    DriverLocationController(LocationTracking tracking, TrackingQueries queries) {
        this.tracking = tracking;
        this.queries = queries;
    }

    @GetMapping("/{driverId}/location")
    @Operation(summary = "The driver's current location (the driver or an admin), flagged stale after 30 s",
            description = "404 when the driver has sent nothing for 5 minutes.")
    LocationView location(CurrentUser user, @PathVariable UUID driverId) {
        LocationFix fix = queries.driver(Viewers.of(user), driverId);
        return LocationView.of(fix, queries.isStale(fix));
    }

    @PostMapping("/{driverId}/location")
    @Operation(summary = "Report a location over REST instead of the socket (the driver themself)",
            description = "Handled exactly like the socket's location:update: 403 when the caller is not this "
                    + "driver or not the assigned driver of orderId, 422 with the reason when the fix is refused "
                    + "(invalid-location, poor-accuracy, timestamp-in-future, timestamp-too-old, out-of-order, "
                    + "impossible-jump).")
    ReportView report(CurrentUser user, @PathVariable UUID driverId, @Valid @RequestBody LocationRequest request) {
        if (!user.id().equals(driverId)) {
            throw ApiException.forbidden("Drivers report their own location only");
        }
        ReportResult result = tracking.report(Viewers.of(user), request.toReport());
        return new ReportView(true, result.fix().orderId(), result.published(), result.tripEnded(),
                result.fix().recordedAt());
    }

    @GetMapping("/nearby")
    @Operation(summary = "Admins: drivers with a current location near a point, nearest first")
    List<LocationView> nearby(CurrentUser user,
            @RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng,
            @RequestParam(defaultValue = "3000") @Min(1) @Max(50_000) double radiusMeters,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        Position center = new Position(lat, lng);
        if (!center.trackable()) {
            return List.of(); // nobody can be tracked there (and Redis would refuse the search)
        }
        return queries.nearby(Viewers.of(user), center, radiusMeters, limit).stream()
                .map(fix -> LocationView.of(fix, queries.isStale(fix))).toList();
    }
}
