package com.delivery.vendor.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.vendor.app.ZoneService;
import com.delivery.vendor.domain.DeliveryZone;
import com.delivery.vendor.domain.ZonePolygon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vendors/{vendorId}")
@Tag(name = "Delivery zones")
class ZoneController {

    private final ZoneService zones;

    ZoneController(ZoneService zones) {
        this.zones = zones;
    }

    /** A GeoJSON Polygon: {@code coordinates[ring][position] = [lng, lat]}, each ring closed. */
    record GeoJsonPolygon(@NotNull @Pattern(regexp = "Polygon", message = "must be Polygon") String type,
            @NotNull @Size(min = 1, max = 20) List<List<List<Double>>> coordinates) {
    }

    record ZoneRequest(@NotBlank @Size(max = 80) String name, @NotNull @Valid GeoJsonPolygon area,
            @NotNull @PositiveOrZero Long minimumOrderMinor, @NotNull @PositiveOrZero Long deliveryFeeMinor) {

        ZonePolygon polygon() {
            return ZonePolygon.of(area.coordinates());
        }
    }

    record ZoneResponse(UUID id, UUID vendorId, String name, GeoJsonPolygon area, long minimumOrderMinor,
            long deliveryFeeMinor) {

        static ZoneResponse of(DeliveryZone z) {
            return new ZoneResponse(z.id(), z.vendorId(), z.name(), new GeoJsonPolygon("Polygon", z.area().coordinates()),
                    z.minimumOrderMinor(), z.deliveryFeeMinor());
        }
    }

    record DeliversTo(boolean deliverable, ZoneResponse zone, String reason) {
    }

    @PostMapping("/zones")
    @Operation(summary = "Add a delivery zone (owner or admin)")
    ResponseEntity<ZoneResponse> create(@PathVariable UUID vendorId, @Valid @RequestBody ZoneRequest request,
            CurrentUser user) {
        ZoneResponse zone = ZoneResponse.of(zones.create(vendorId, user, request.name(), request.polygon(),
                request.minimumOrderMinor(), request.deliveryFeeMinor()));
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + vendorId + "/zones/" + zone.id())).body(zone);
    }

    @GetMapping("/zones")
    List<ZoneResponse> list(@PathVariable UUID vendorId, CurrentUser user) {
        return zones.list(vendorId, user).stream().map(ZoneResponse::of).toList();
    }

    @PutMapping("/zones/{zoneId}")
    ZoneResponse update(@PathVariable UUID vendorId, @PathVariable UUID zoneId, @Valid @RequestBody ZoneRequest request,
            CurrentUser user) {
        return ZoneResponse.of(zones.update(vendorId, zoneId, user, request.name(), request.polygon(),
                request.minimumOrderMinor(), request.deliveryFeeMinor()));
    }

    @DeleteMapping("/zones/{zoneId}")
    ResponseEntity<Void> delete(@PathVariable UUID vendorId, @PathVariable UUID zoneId, CurrentUser user) {
        zones.delete(vendorId, zoneId, user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/delivers-to")
    @Operation(summary = "Whether the vendor delivers to a point, and through which zone (fee, minimum order)")
    DeliversTo deliversTo(@PathVariable UUID vendorId,
            @RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng, CurrentUser user) {
        return zones.deliversTo(vendorId, user, lat, lng)
                .map(z -> new DeliversTo(true, ZoneResponse.of(z), null))
                .orElseGet(() -> new DeliversTo(false, null, "The vendor does not deliver to this location"));
    }
}
