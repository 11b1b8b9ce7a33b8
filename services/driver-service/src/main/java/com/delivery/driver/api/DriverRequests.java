package com.delivery.driver.api;

import com.delivery.driver.domain.DocumentType;
import com.delivery.driver.domain.DriverDocument;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.Vehicle;
import com.delivery.driver.domain.VehicleType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the driver API. */
final class DriverRequests {

    static final String E164 = "\\+[1-9][0-9]{6,14}";

    private DriverRequests() {
    }

    record Registration(
            @NotBlank @Size(max = 120) String fullName,
            @Pattern(regexp = E164, message = "must be in E.164 form, e.g. +4915112345678") String phone,
            @NotNull @Valid VehicleRequest vehicle,
            @Size(max = 3) List<@NotNull @Valid DocumentRequest> documents) {

        List<DriverDocument> driverDocuments() {
            return documents == null ? List.of() : documents.stream().map(DocumentRequest::document).toList();
        }
    }

    record VehicleRequest(
            @NotNull VehicleType type,
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]+", message = "may contain letters, digits, blanks and dashes") String plate,
            @NotBlank @Size(max = 80) String model) {

        Vehicle vehicle() {
            return new Vehicle(type, plate, model);
        }
    }

    record DocumentRequest(
            @NotNull DocumentType type,
            @NotBlank @Size(max = 60) String number,
            @NotNull LocalDate expiresOn) {

        DriverDocument document() {
            return new DriverDocument(type, number, expiresOn);
        }
    }

    record DocumentUpdate(@NotBlank @Size(max = 60) String number, @NotNull LocalDate expiresOn) {
    }

    record ProfileUpdate(
            @Size(min = 1, max = 120) String fullName,
            @Pattern(regexp = E164, message = "must be in E.164 form, e.g. +4915112345678") String phone) {
    }

    /** {@code lat} and {@code lng} are required to go online. */
    record OnlineStatus(
            @NotNull Boolean online,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lng) {
    }

    record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {

        GeoPosition position() {
            return new GeoPosition(lat, lng);
        }
    }

    record RatingRequest(
            @NotNull UUID orderId,
            @NotNull @Min(1) @Max(5) Integer stars,
            @Size(max = 500) String comment) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }
}
