package com.delivery.tracking.app;

import com.delivery.kit.web.ApiException;
import com.delivery.tracking.domain.Trip;
import com.delivery.tracking.domain.Trips;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may watch an order's trip: its customer, its driver, the owner of its vendor, and admins. Ownership is
 * learned from the events tracking consumes, so an order is known here from its driver assignment on.
 */
@Service
public class OrderAccess {

    private final Trips trips;
    private final VendorOwners vendorOwners;

    OrderAccess(Trips trips, VendorOwners vendorOwners) {
        this.trips = trips;
        this.vendorOwners = vendorOwners;
    }

    /** For socket room joins: false for unknown orders as for orders of others. */
    public boolean mayWatch(Viewer viewer, UUID orderId) {
        return trips.find(orderId).map(trip -> mayWatch(viewer, trip)).orElse(false);
    }

    /** 404 for an order tracking does not know, 403 for one the viewer is not party to. */
    public Trip requireWatchable(Viewer viewer, UUID orderId) {
        Trip trip = trips.find(orderId).orElseThrow(() -> ApiException.notFound("Tracked order", orderId));
        if (!mayWatch(viewer, trip)) {
            throw ApiException.forbidden("Only the order's customer, driver, vendor or an admin may track it");
        }
        return trip;
    }

    boolean mayWatch(Viewer viewer, Trip trip) {
        if (viewer.isAdmin() || trip.involves(viewer.id())) {
            return true;
        }
        if (viewer.isVendor() && trip.vendorId() != null) {
            Optional<UUID> owner = vendorOwners.ownerOf(trip.vendorId());
            return owner.isPresent() && owner.get().equals(viewer.id());
        }
        return false;
    }
}
