package com.delivery.vendor.domain;

import java.util.List;
import java.util.UUID;

/**
 * What the owner edits on a menu item. Category attributes: food ({@code prepMinutes}, {@code dietaryTags}),
 * grocery ({@code unit}, {@code weightGrams}, {@code barcode}), pharmacy ({@code prescriptionRequired}).
 */
public record MenuItemDetails(
        String section,
        int position,
        String name,
        String description,
        long priceMinor,
        boolean available,
        String imageUrl,
        Integer prepMinutes,
        List<String> dietaryTags,
        String unit,
        Integer weightGrams,
        String barcode,
        boolean prescriptionRequired,
        List<OptionDetails> options) {

    public MenuItemDetails {
        dietaryTags = dietaryTags == null ? List.of() : List.copyOf(dietaryTags);
        options = options == null ? List.of() : List.copyOf(options);
        section = section == null || section.isBlank() ? "Menu" : section.trim();
    }

    /** An option as sent; {@code id} set keeps (and updates) an existing option so carts stay valid. */
    public record OptionDetails(UUID id, String group, String name, long priceDeltaMinor) {
    }
}
