package com.delivery.vendor.api;

import com.delivery.kit.web.input.HttpUrl;
import com.delivery.vendor.domain.VendorCategory;
import com.delivery.vendor.domain.VendorDetails;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A vendor profile as sent by its owner (create and full update). */
record VendorRequest(
        @NotBlank @Size(max = 120) String name,
        @NotNull VendorCategory category,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> cuisines,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 200) String address,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 20) String postalCode,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number like +4930123456") String phone,
        @Size(max = 10) List<@NotBlank @Size(max = 500) @HttpUrl String> imageUrls,
        @Min(1) @Max(4) Integer priceLevel,
        @Min(0) @Max(240) Integer prepMinutes,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
        @NotBlank @Size(max = 60) String timeZone) {

    VendorDetails toDetails() {
        return new VendorDetails(name, category, cuisines, description, address, city, postalCode, lat, lng, phone,
                imageUrls, priceLevel == null ? 2 : priceLevel, prepMinutes == null ? 20 : prepMinutes, currency,
                timeZone);
    }
}
