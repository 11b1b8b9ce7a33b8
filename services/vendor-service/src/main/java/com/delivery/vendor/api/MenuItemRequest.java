package com.delivery.vendor.api;

import com.delivery.kit.web.input.HttpUrl;
import com.delivery.vendor.domain.MenuItemDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A menu item with its options. {@code stock} (optional, create only) starts tracking stock for the item; without it
 * the item is made to order and never runs out.
 */
record MenuItemRequest(
        @Size(max = 80) String section,
        @PositiveOrZero Integer position,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 1000) String description,
        @NotNull @PositiveOrZero Long priceMinor,
        Boolean available,
        @Size(max = 500) @HttpUrl String imageUrl,
        @PositiveOrZero @Max(600) Integer prepMinutes,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> dietaryTags,
        @Size(max = 20) String unit,
        @PositiveOrZero Integer weightGrams,
        @Size(max = 40) String barcode,
        Boolean prescriptionRequired,
        @Size(max = 50) List<@Valid @NotNull Option> options,
        @PositiveOrZero Integer stock,
        @PositiveOrZero Integer lowStockThreshold) {

    record Option(UUID id, @NotBlank @Size(max = 60) String group, @NotBlank @Size(max = 80) String name,
            @NotNull @PositiveOrZero Long priceDeltaMinor) {
    }

    MenuItemDetails toDetails() {
        return new MenuItemDetails(section, position == null ? 0 : position, name, description, priceMinor,
                available == null || available, imageUrl, prepMinutes, dietaryTags, unit, weightGrams, barcode,
                Boolean.TRUE.equals(prescriptionRequired),
                options == null ? List.of() : options.stream()
                        .map(o -> new MenuItemDetails.OptionDetails(o.id(), o.group(), o.name(), o.priceDeltaMinor()))
                        .toList());
    }
}
