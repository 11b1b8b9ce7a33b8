package com.delivery.vendor.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.vendor.app.RatingService;
import com.delivery.vendor.app.VendorCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vendors")
@Tag(name = "Vendors")
class VendorController {

    private final VendorCatalog catalog;
    private final RatingService ratings;
    private final Clock clock;

    VendorController(VendorCatalog catalog, RatingService ratings, Clock clock) {
        this.catalog = catalog;
        this.ratings = ratings;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a vendor (VENDOR users); it waits for an admin's approval")
    ResponseEntity<VendorResponse> create(@Valid @RequestBody VendorRequest request, CurrentUser user) {
        VendorResponse created = VendorResponse.of(catalog.create(user, request.toDetails()), clock.instant());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + created.id())).body(created);
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's own vendors, whatever their status")
    List<VendorResponse> mine(CurrentUser user) {
        return catalog.ownedBy(user.id()).stream().map(v -> VendorResponse.of(v, clock.instant())).toList();
    }

    @GetMapping("/{vendorId}")
    @Operation(summary = "A vendor's profile: approved vendors for everyone, others for their owner and admins")
    VendorResponse get(@PathVariable UUID vendorId, CurrentUser user) {
        return VendorResponse.of(catalog.get(vendorId, user), clock.instant());
    }

    @PutMapping("/{vendorId}")
    @Operation(summary = "Change the profile (owner or admin)")
    VendorResponse update(@PathVariable UUID vendorId, @Valid @RequestBody VendorRequest request, CurrentUser user) {
        return VendorResponse.of(catalog.update(vendorId, user, request.toDetails()), clock.instant());
    }

    @DeleteMapping("/{vendorId}")
    @Operation(summary = "Close the vendor for good (owner or admin): gone from customers and search")
    ResponseEntity<Void> delete(@PathVariable UUID vendorId, CurrentUser user) {
        catalog.close(vendorId, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{vendorId}/resubmit")
    @Operation(summary = "Send a rejected vendor back to the approval queue (owner)")
    VendorResponse resubmit(@PathVariable UUID vendorId, CurrentUser user) {
        return VendorResponse.of(catalog.resubmit(vendorId, user), clock.instant());
    }

    @GetMapping("/{vendorId}/hours")
    @Operation(summary = "Weekly hours, special closures and whether the vendor is open now")
    HoursResponse hours(@PathVariable UUID vendorId, CurrentUser user) {
        return HoursResponse.of(catalog.get(vendorId, user), clock.instant());
    }

    @PutMapping("/{vendorId}/hours")
    @Operation(summary = "Replace the weekly hours and special closures (owner or admin)")
    HoursResponse replaceHours(@PathVariable UUID vendorId, @Valid @RequestBody HoursRequest request,
            CurrentUser user) {
        return HoursResponse.of(catalog.replaceHours(vendorId, user, request.timeZone(), request.windows(),
                request.specialClosures()), clock.instant());
    }

    record RatingRequest(@NotNull UUID orderId, @NotNull @Min(1) @Max(5) Integer stars,
            @Size(max = 1000) String comment) {
    }

    @PostMapping("/{vendorId}/ratings")
    @Operation(summary = "Rate the vendor for one of your delivered orders (customers, once per order)")
    VendorResponse rate(@PathVariable UUID vendorId, @Valid @RequestBody RatingRequest request, CurrentUser user) {
        user.requireRole(Role.CUSTOMER);
        return VendorResponse.of(ratings.rate(vendorId, user, request.orderId(), request.stars(), request.comment()),
                clock.instant());
    }
}
