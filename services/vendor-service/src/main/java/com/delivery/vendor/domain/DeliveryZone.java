package com.delivery.vendor.domain;

import java.util.UUID;

/** Where a vendor delivers, at what minimum order and fee (minor units of the vendor's currency). */
public record DeliveryZone(UUID id, UUID vendorId, String name, ZonePolygon area, long minimumOrderMinor,
        long deliveryFeeMinor) {

    public DeliveryZone {
        if (minimumOrderMinor < 0 || deliveryFeeMinor < 0) {
            throw new InvalidInputException("negative-price", minimumOrderMinor < 0 ? "minimumOrderMinor" : "deliveryFeeMinor",
                    "Amounts cannot be negative");
        }
    }
}
