package com.delivery.tracking.app;

import com.delivery.tracking.domain.LocationFix;

/**
 * What became of an accepted report.
 *
 * @param fix       the stored fix; its {@code orderId} is the trip it was broadcast to, {@code null} if none
 * @param tripEnded the report named an order whose trip has ended: stored as the driver's location, not broadcast
 * @param published a {@code driver.location_updated} event was sent for it (at most one per publish interval)
 */
public record ReportResult(LocationFix fix, boolean tripEnded, boolean published) {
}
