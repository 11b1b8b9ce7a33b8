package com.delivery.vendor.domain;

import java.util.List;

/** The profile a vendor user edits. Money-free; currency and time zone are part of it as they rarely change. */
public record VendorDetails(
        String name,
        VendorCategory category,
        List<String> cuisines,
        String description,
        String addressLine,
        String city,
        String postalCode,
        double lat,
        double lng,
        String phone,
        List<String> imageUrls,
        int priceLevel,
        int prepMinutes,
        String currency,
        String timeZone) {

    public VendorDetails {
        cuisines = cuisines == null ? List.of() : cuisines.stream().map(c -> c.trim().toLowerCase()).distinct().toList();
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        currency = currency == null ? null : currency.toUpperCase();
    }
}
