package com.delivery.tracking.app;

import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderPickedUp;
import com.delivery.events.VendorRegistered;
import com.delivery.tracking.domain.Position;
import com.delivery.tracking.domain.Trips;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the trip registry in step with the order and driver events. Idempotent by construction, without a
 * {@code processed_events} table (tracking has no relational database): every effect is an upsert keyed by order
 * id (or vendor id) that lands in the same state however often, and in whatever order, the events arrive.
 */
@Service
public class TripRegistry {

    private static final Logger log = LoggerFactory.getLogger(TripRegistry.class);

    private final Trips trips;
    private final VendorOwners vendorOwners;
    private final StaleWatch staleWatch;

    TripRegistry(Trips trips, VendorOwners vendorOwners, StaleWatch staleWatch) {
        this.trips = trips;
        this.vendorOwners = vendorOwners;
        this.staleWatch = staleWatch;
    }

    public void driverAssigned(DriverAssigned event, Instant at) {
        trips.assigned(event.orderId(), event.customerId(), event.vendorId(), event.driverId(), event.driverName(),
                event.vehicleType(), at);
    }

    public void pickedUp(OrderPickedUp event, Instant at) {
        trips.pickedUp(event.orderId(), event.customerId(), event.vendorId(), event.driverId(),
                new Position(event.deliveryAddress().lat(), event.deliveryAddress().lng()), at);
    }

    public void delivered(OrderDelivered event, Instant at) {
        trips.ended(event.orderId(), event.customerId(), event.vendorId(), "DELIVERED", at);
        staleWatch.forget(event.orderId());
    }

    public void cancelled(OrderCancelled event, Instant at) {
        trips.ended(event.orderId(), event.customerId(), event.vendorId(), "CANCELLED", at);
        staleWatch.forget(event.orderId());
    }

    public void driverUnavailable(DriverUnavailable event, Instant at) {
        if (event.driverId() == null) {
            log.debug("No driver for order {} yet ({}); nothing to track", event.orderId(), event.reason());
            return;
        }
        trips.driverWithdrew(event.orderId(), event.customerId(), event.vendorId(), event.driverId(), at);
        staleWatch.forget(event.orderId());
    }

    public void vendorRegistered(VendorRegistered event) {
        vendorOwners.record(event.vendorId(), event.ownerUserId());
    }
}
