package com.delivery.driver.api;

import com.delivery.driver.api.DriverRequests.DocumentUpdate;
import com.delivery.driver.api.DriverRequests.Location;
import com.delivery.driver.api.DriverRequests.OnlineStatus;
import com.delivery.driver.api.DriverRequests.ProfileUpdate;
import com.delivery.driver.api.DriverRequests.RatingRequest;
import com.delivery.driver.api.DriverRequests.Registration;
import com.delivery.driver.api.DriverRequests.VehicleRequest;
import com.delivery.driver.api.DriverResponses.DriverResponse;
import com.delivery.driver.api.DriverResponses.EarningsResponse;
import com.delivery.driver.api.DriverResponses.NearbyResponse;
import com.delivery.driver.api.DriverResponses.PresenceResponse;
import com.delivery.driver.api.DriverResponses.RatedResponse;
import com.delivery.driver.api.DriverResponses.RatingResponse;
import com.delivery.driver.api.DriverResponses.StatsResponse;
import com.delivery.driver.app.DriverStatsService;
import com.delivery.driver.app.EarningsService;
import com.delivery.driver.app.NearbySearch;
import com.delivery.driver.app.OnboardingService;
import com.delivery.driver.app.PresenceService;
import com.delivery.driver.app.RatingService;
import com.delivery.driver.domain.DocumentType;
import com.delivery.driver.domain.DriverDocument;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.VehicleType;
import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/drivers")
@Tag(name = "Drivers")
class DriverController {

    private final OnboardingService onboarding;
    private final PresenceService presence;
    private final NearbySearch nearby;
    private final EarningsService earnings;
    private final DriverStatsService stats;
    private final RatingService ratings;

    DriverController(OnboardingService onboarding, PresenceService presence, NearbySearch nearby,
            EarningsService earnings, DriverStatsService stats, RatingService ratings) {
        this.onboarding = onboarding;
        this.presence = presence;
        this.nearby = nearby;
        this.earnings = earnings;
        this.stats = stats;
        this.ratings = ratings;
    }

    // ---- profile -----------------------------------------------------------------------------------------------

    @PostMapping("/register")
    @Operation(summary = "Create my driver profile (DRIVER users); it waits for the background check (PENDING)")
    ResponseEntity<DriverResponse> register(CurrentUser user, @Valid @RequestBody Registration request) {
        if (!user.has(Role.DRIVER)) {
            throw ApiException.forbidden("Only DRIVER users can register as drivers");
        }
        DriverResponse created = DriverResponse.of(onboarding.register(user.id(), request.fullName(), request.phone(),
                request.vehicle().vehicle(), request.driverDocuments()));
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/drivers/" + user.id())
                .body(created);
    }

    @GetMapping("/{driverId}")
    @Operation(summary = "A driver's profile with vehicle, documents, rating and deliveries (the driver or an admin)")
    DriverResponse get(@PathVariable UUID driverId, CurrentUser user) {
        user.requireSelfOrAdmin(driverId);
        return DriverResponse.of(onboarding.get(driverId));
    }

    @PutMapping("/{driverId}")
    @Operation(summary = "Change name or phone")
    DriverResponse updateProfile(@PathVariable UUID driverId, CurrentUser user,
            @Valid @RequestBody ProfileUpdate update) {
        user.requireSelfOrAdmin(driverId);
        if (update.fullName() != null && update.fullName().isBlank()) {
            throw ApiException.invalidField("fullName", "must not be blank");
        }
        return DriverResponse.of(onboarding.updateProfile(driverId, update.fullName(), update.phone()));
    }

    @PutMapping("/{driverId}/vehicle")
    @Operation(summary = "Change the vehicle; a rejected driver goes back into review")
    DriverResponse changeVehicle(@PathVariable UUID driverId, CurrentUser user,
            @Valid @RequestBody VehicleRequest vehicle) {
        Access.requireSelf(user, driverId);
        return DriverResponse.of(onboarding.changeVehicle(driverId, vehicle.vehicle()));
    }

    @PutMapping("/{driverId}/documents/{type}")
    @Operation(summary = "Add or renew a document (LICENCE, INSURANCE, IDENTITY); a rejected driver goes back into review")
    DriverResponse putDocument(@PathVariable UUID driverId, @PathVariable DocumentType type, CurrentUser user,
            @Valid @RequestBody DocumentUpdate document) {
        Access.requireSelf(user, driverId);
        return DriverResponse.of(onboarding.putDocument(driverId,
                new DriverDocument(type, document.number(), document.expiresOn())));
    }

    // ---- presence ----------------------------------------------------------------------------------------------

    @PostMapping("/{driverId}/online-status")
    @Operation(summary = "Go online at a position (approved drivers with valid documents only, else 409 with the "
            + "reason) or offline")
    PresenceResponse onlineStatus(@PathVariable UUID driverId, CurrentUser user,
            @Valid @RequestBody OnlineStatus request) {
        Access.requireSelf(user, driverId);
        PresenceService.Status status;
        if (request.online()) {
            if (request.lat() == null || request.lng() == null) {
                throw ApiException.badRequest("location-required", "lat and lng are required to go online");
            }
            status = presence.goOnline(driverId, new GeoPosition(request.lat(), request.lng()));
        } else {
            status = presence.goOffline(driverId);
        }
        return new PresenceResponse(status.driverId(), status.online(), status.since());
    }

    @PostMapping("/{driverId}/location")
    @Operation(summary = "Report my position; keeps me online (409 if I am not online)")
    ResponseEntity<Void> location(@PathVariable UUID driverId, CurrentUser user,
            @Valid @RequestBody Location location) {
        Access.requireSelf(user, driverId);
        presence.updateLocation(driverId, location.position());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/nearby")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Available drivers near a point, nearest first, then by rating and deliveries (admins only: "
            + "driver positions are not shown to customers or vendors; matching uses the same search in-process)")
    List<NearbyResponse> nearby(
            @RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng,
            @RequestParam(required = false) @Positive Double radiusKm,
            @RequestParam(required = false) VehicleType vehicleType) {
        double radius = radiusKm == null ? nearby.settings().defaultRadiusKm() : radiusKm;
        if (radius > nearby.settings().maxRadiusKm()) {
            throw ApiException.badRequest("radius-too-large",
                    "radiusKm may be at most " + nearby.settings().maxRadiusKm());
        }
        return nearby.available(new GeoPosition(lat, lng), radius, vehicleType, Set.of(),
                        nearby.settings().maxResults())
                .stream().map(NearbyResponse::of).toList();
    }

    // ---- earnings, stats, ratings --------------------------------------------------------------------------------

    @GetMapping("/{driverId}/earnings")
    @Operation(summary = "Earnings per UTC day in [from, to] (default: the last 7 days) with time online, per month "
            + "touched by the range, and lifetime")
    EarningsResponse earnings(@PathVariable UUID driverId, CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        user.requireSelfOrAdmin(driverId);
        return EarningsResponse.of(earnings.report(driverId, from, to));
    }

    @GetMapping("/{driverId}/stats")
    @Operation(summary = "Deliveries, cancellations, acceptance rate, average rating, time online")
    StatsResponse stats(@PathVariable UUID driverId, CurrentUser user) {
        user.requireSelfOrAdmin(driverId);
        DriverStatsService.Stats s = stats.of(driverId);
        return new StatsResponse(s.driverId(), s.deliveries(), s.cancellations(), s.offered(), s.accepted(),
                s.acceptanceRate(), RatingResponse.of(s.rating()), s.onlineSeconds(),
                Math.round(s.onlineSeconds() / 36.0) / 100.0);
    }

    @PostMapping("/{driverId}/ratings")
    @Operation(summary = "Rate the driver of my delivered order, 1-5 stars, once per order")
    ResponseEntity<RatedResponse> rate(@PathVariable UUID driverId, CurrentUser user,
            @Valid @RequestBody RatingRequest request) {
        if (!user.has(Role.CUSTOMER)) {
            throw ApiException.forbidden("Only customers rate drivers");
        }
        RatingService.Rated rated = ratings.rate(driverId, user.id(), request.orderId(), request.stars(),
                request.comment());
        return ResponseEntity.status(HttpStatus.CREATED).body(new RatedResponse(rated.rating().orderId(),
                rated.rating().driverId(), rated.rating().stars(), rated.rating().comment(),
                rated.rating().createdAt(), RatingResponse.of(rated.driverRating())));
    }
}
