package com.delivery.user.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.web.ApiException;
import com.delivery.user.app.AddressBook;
import com.delivery.user.app.ProfileService;
import com.delivery.user.domain.Address;
import com.delivery.user.domain.AddressDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/users/me")
@Tag(name = "My account")
class MeController {

    private final ProfileService profiles;
    private final AddressBook addressBook;

    MeController(ProfileService profiles, AddressBook addressBook) {
        this.profiles = profiles;
        this.addressBook = addressBook;
    }

    record ProfileUpdate(
            @Size(min = 1, max = 120) String fullName,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be in E.164 form, e.g. +4915112345678") String phone,
            @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-DE") String locale) {
    }

    record AddressRequest(
            @Size(max = 40) String label,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
            boolean isDefault) {

        AddressDetails details() {
            return new AddressDetails(label, line1, line2, city, postalCode, country, lat, lng, isDefault);
        }
    }

    record AddressResponse(UUID id, String label, String line1, String line2, String city, String postalCode,
            String country, double lat, double lng, boolean isDefault) {
        static AddressResponse of(Address address) {
            AddressDetails d = address.details();
            return new AddressResponse(address.id(), d.label(), d.line1(), d.line2(), d.city(), d.postalCode(),
                    d.country(), d.lat(), d.lng(), d.isDefault());
        }
    }

    @GetMapping
    @Operation(summary = "My profile")
    UserResponse me(CurrentUser user) {
        return UserResponse.of(profiles.get(user.id()));
    }

    @PutMapping
    @Operation(summary = "Change my name, phone or locale")
    UserResponse update(CurrentUser user, @Valid @RequestBody ProfileUpdate update) {
        if (update.fullName() != null && update.fullName().isBlank()) {
            throw ApiException.invalidField("fullName", "must not be blank");
        }
        return UserResponse.of(profiles.update(user.id(), update.fullName(), update.phone(), update.locale()));
    }

    @GetMapping("/addresses")
    @Operation(summary = "My delivery addresses")
    List<AddressResponse> addresses(CurrentUser user) {
        return addressBook.list(user.id()).stream().map(AddressResponse::of).toList();
    }

    @PostMapping("/addresses")
    @Operation(summary = "Add a delivery address")
    ResponseEntity<AddressResponse> addAddress(CurrentUser user, @Valid @RequestBody AddressRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AddressResponse.of(addressBook.add(user.id(), request.details())));
    }

    @PutMapping("/addresses/{addressId}")
    @Operation(summary = "Change a delivery address")
    AddressResponse changeAddress(CurrentUser user, @PathVariable UUID addressId,
            @Valid @RequestBody AddressRequest request) {
        return AddressResponse.of(addressBook.change(user.id(), addressId, request.details()));
    }

    @DeleteMapping("/addresses/{addressId}")
    @Operation(summary = "Remove a delivery address")
    ResponseEntity<Void> removeAddress(CurrentUser user, @PathVariable UUID addressId) {
        addressBook.remove(user.id(), addressId);
        return ResponseEntity.noContent().build();
    }
}
