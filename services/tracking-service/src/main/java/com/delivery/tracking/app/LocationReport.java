package com.delivery.tracking.app;

import java.util.UUID;

/**
 * A position report as the driver app sends it, over the socket ({@code location:update}) or REST; checked by
 * {@link LocationTracking}.
 *
 * @param orderId  the order being delivered, optional (the driver's active trip is used when left out)
 * @param heading  degrees clockwise from north, optional
 * @param speed    metres per second, optional
 * @param accuracy horizontal accuracy in metres, optional
 * @param ts       when the device took the fix: epoch milliseconds or an ISO-8601 instant
 */
public record LocationReport(UUID orderId, Double lat, Double lng, Double heading, Double speed, Double accuracy,
        String ts) {
}
