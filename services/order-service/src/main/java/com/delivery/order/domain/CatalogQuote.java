package com.delivery.order.domain;

import java.util.List;
import java.util.UUID;

/**
 * What checkout learns from pricing an order against the vendor's catalog: the same facts the vendor service's quote
 * gives. {@code problems} non-empty means the order cannot be placed as asked; the other fields are filled anyway.
 *
 * @param zoneId            the zone covering the address, null when none does
 * @param minimumOrderMinor that zone's minimum item subtotal (0 without a zone)
 * @param deliveryFeeMinor  that zone's fee (0 without a zone)
 * @param lines             one per requested line on the menu, in the order asked; unknown items have none
 */
public record CatalogQuote(
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
        Location vendorLocation,
        List<Line> lines,
        List<String> problems) {

    public CatalogQuote {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /** @param unitPriceMinor the item's price plus the deltas of the chosen options */
    public record Line(UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor,
            boolean available, boolean prescriptionRequired, List<VendorCatalog.Option> options) {

        public Line {
            options = List.copyOf(options);
        }
    }
}
