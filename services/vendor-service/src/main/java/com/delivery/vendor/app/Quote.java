package com.delivery.vendor.app;

import java.util.List;
import java.util.UUID;

/** The authoritative price and feasibility of a prospective order, for the order service. */
public record Quote(
        UUID vendorId,
        String vendorName,
        String vendorCity,
        UUID ownerUserId,
        String category,
        String currency,
        boolean open,
        boolean deliverable,
        UUID zoneId,
        long minimumOrderMinor,
        long deliveryFeeMinor,
        long subtotalMinor,
        int estimatedPrepMinutes,
        double vendorLat,
        double vendorLng,
        List<Line> items,
        List<String> problems) {

    public record Line(UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor,
            boolean available, boolean prescriptionRequired, List<Option> options) {
    }

    public record Option(UUID optionId, String name, long priceDeltaMinor) {
    }

    public record Request(List<RequestLine> items, double deliveryLat, double deliveryLng) {
    }

    public record RequestLine(UUID menuItemId, int quantity, List<UUID> optionIds) {
    }
}
