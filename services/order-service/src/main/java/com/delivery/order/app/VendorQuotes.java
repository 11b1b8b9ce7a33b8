package com.delivery.order.app;

import java.util.List;
import java.util.UUID;

/**
 * The vendor service's price check at checkout. Implementations bound the wait (timeouts), retry what is safe to
 * retry and stop calling a vendor service that keeps failing (circuit breaker).
 *
 * <p>Failures leave as problems: vendor unknown → 404, request refused by the vendor → 422, vendor service not
 * answering → 503.
 */
public interface VendorQuotes {

    /**
     * @param authorization the customer's {@code Authorization} header, forwarded so the vendor sees who asks
     */
    VendorQuote quote(UUID vendorId, QuoteRequest request, String authorization);

    /** What is asked: the lines and where they go. */
    record QuoteRequest(List<Line> items, double deliveryLat, double deliveryLng) {

        public record Line(UUID menuItemId, int quantity, List<UUID> optionIds) {
        }
    }

    /**
     * The vendor's answer; {@code problems} non-empty means it cannot take the order as asked. {@code vendorCity} is
     * the vendor's city when the vendor service names it (older answers do not: {@code null}).
     */
    record VendorQuote(
            UUID vendorId,
            String vendorName,
            UUID ownerUserId,
            String category,
            String currency,
            boolean open,
            boolean deliverable,
            String zoneId,
            long minimumOrderMinor,
            long deliveryFeeMinor,
            long subtotalMinor,
            int estimatedPrepMinutes,
            Point vendorLocation,
            List<Item> items,
            List<String> problems,
            String vendorCity) {

        public VendorQuote {
            items = items == null ? List.of() : List.copyOf(items);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        public record Point(double lat, double lng) {
        }

        public record Item(UUID menuItemId, String name, int quantity, long unitPriceMinor, long lineTotalMinor,
                boolean available, boolean prescriptionRequired, List<Option> options) {

            public Item {
                options = options == null ? List.of() : List.copyOf(options);
            }
        }

        public record Option(UUID optionId, String name, long priceDeltaMinor) {
        }
    }
}
