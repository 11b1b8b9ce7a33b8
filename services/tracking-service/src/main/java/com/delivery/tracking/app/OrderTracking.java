package com.delivery.tracking.app;

import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Trip;

/**
 * What an order's watcher sees now.
 *
 * @param location the driver's current location while the trip is active, {@code null} if unknown or ended
 * @param stale    the location is older than {@code tracking.stale-after}
 * @param eta      the last ETA counted down to now, {@code null} before pickup or if none was computed
 */
public record OrderTracking(Trip trip, LocationFix location, boolean stale, Eta eta) {
}
