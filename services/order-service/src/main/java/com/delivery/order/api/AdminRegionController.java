package com.delivery.order.api;

import com.delivery.order.app.RegionAdministration;
import com.delivery.order.domain.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/regions")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: analytics")
class AdminRegionController {

    private final RegionAdministration regions;

    AdminRegionController(RegionAdministration regions) {
        this.regions = regions;
    }

    /** A point of an outline, WGS84 degrees. */
    record Point(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
    }

    /**
     * @param boundary the outline in order (one ring, no holes); closed automatically
     */
    record RegionRequest(@NotBlank @Size(max = 100) String name,
            @NotNull @Size(min = 3, max = Region.MAX_POINTS) List<@Valid @NotNull Point> boundary) {
    }

    /** @param boundary the closed ring (first point repeated last) */
    record RegionResponse(UUID id, String name, List<Point> boundary, Instant createdAt) {

        static RegionResponse of(Region region) {
            return new RegionResponse(region.id(), region.name(),
                    region.boundary().stream().map(p -> new Point(p.lat(), p.lng())).toList(), region.createdAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw a named region for the analytics: orders count in it when it covers their vendor's "
            + "pickup point. 400 for an outline that is no valid polygon, 409 when the name is taken")
    RegionResponse add(@Valid @RequestBody RegionRequest request) {
        return RegionResponse.of(regions.add(request.name(),
                request.boundary().stream().map(p -> new Region.Point(p.lat(), p.lng())).toList()));
    }

    @GetMapping
    @Operation(summary = "All named regions, by name")
    List<RegionResponse> all() {
        return regions.all().stream().map(RegionResponse::of).toList();
    }

    @GetMapping("/{regionId}")
    @Operation(summary = "One named region")
    RegionResponse get(@PathVariable UUID regionId) {
        return RegionResponse.of(regions.get(regionId));
    }

    @DeleteMapping("/{regionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a named region")
    void remove(@PathVariable UUID regionId) {
        regions.remove(regionId);
    }
}
