package com.delivery.vendor.api;

import com.delivery.vendor.app.VendorView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A vendor profile; {@code openNow} is computed at the moment of the answer. */
record VendorResponse(
        UUID id,
        UUID ownerUserId,
        String name,
        String category,
        List<String> cuisines,
        String description,
        String address,
        String city,
        String postalCode,
        Location location,
        String phone,
        List<String> imageUrls,
        int priceLevel,
        int prepMinutes,
        String currency,
        String timeZone,
        String status,
        String statusReason,
        double ratingAverage,
        int ratingCount,
        boolean openNow,
        HoursResponse hours,
        Instant createdAt,
        Instant updatedAt) {

    record Location(double lat, double lng) {
    }

    static VendorResponse of(VendorView v, Instant now) {
        return new VendorResponse(v.id(), v.ownerUserId(), v.name(), v.category().name(), v.cuisines(),
                v.description(), v.addressLine(), v.city(), v.postalCode(), new Location(v.lat(), v.lng()), v.phone(),
                v.imageUrls(), v.priceLevel(), v.prepMinutes(), v.currency(), v.timeZone(), v.status().name(),
                v.statusReason(), v.ratingAverage(), v.ratingCount(), v.isOpenAt(now), HoursResponse.of(v, now),
                v.createdAt(), v.updatedAt());
    }
}
