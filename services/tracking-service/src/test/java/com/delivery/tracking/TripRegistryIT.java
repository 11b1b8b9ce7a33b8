package com.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.delivery.events.Address;
import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderDelivered;
import com.delivery.events.OrderPickedUp;
import com.delivery.tracking.app.TripRegistry;
import com.delivery.tracking.domain.Position;
import com.delivery.tracking.domain.Trip;
import com.delivery.tracking.domain.TripStatus;
import com.delivery.tracking.domain.Trips;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trip registry is idempotent and order-independent by construction (no processed_events table here):
 * replays change nothing, and events applied in any order end in the state their own times describe.
 */
class TripRegistryIT extends TrackingServiceTestBase {

    private static final Instant T0 = Instant.parse("2026-03-14T18:50:00Z");

    @Autowired
    TripRegistry registry;

    @Autowired
    Trips trips;

    private final UUID order = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    private DriverAssigned assignment(UUID driver) {
        return new DriverAssigned(order, driver, "Driver " + driver, "BICYCLE", customer, vendor);
    }

    private OrderPickedUp pickup(UUID driver) {
        return new OrderPickedUp(order, customer, vendor, driver, new Address("Torstraße 49", "Berlin", "10119", 52.5291,
                13.4013));
    }

    private Trip trip() {
        return trips.find(order).orElseThrow();
    }

    @Test
    void replayingAnEventChangesNothing() {
        UUID tom = UUID.randomUUID();
        registry.driverAssigned(assignment(tom), T0);
        Trip once = trip();
        registry.driverAssigned(assignment(tom), T0);
        registry.driverAssigned(assignment(tom), T0);

        assertThat(trip()).isEqualTo(once);
        assertThat(once.status()).isEqualTo(TripStatus.ASSIGNED);
        assertThat(once.driverId()).isEqualTo(tom);
        assertThat(once.customerId()).isEqualTo(customer);
        assertThat(once.vendorId()).isEqualTo(vendor);
        assertThat(once.vehicleType()).isEqualTo("BICYCLE");
        assertThat(trips.activeTripOf(tom).map(Trip::orderId)).contains(order);
    }

    @Test
    void aPickupSeenBeforeTheAssignmentStillMakesATripInProgress() {
        UUID tom = UUID.randomUUID();
        registry.pickedUp(pickup(tom), T0.plusSeconds(600));
        registry.driverAssigned(assignment(tom), T0);

        Trip trip = trip();
        assertThat(trip.status()).isEqualTo(TripStatus.IN_PROGRESS);
        assertThat(trip.driverId()).isEqualTo(tom);
        assertThat(trip.driverName()).isEqualTo("Driver " + tom);
        assertThat(trip.destination()).isEqualTo(new Position(52.5291, 13.4013));
    }

    @Test
    void aReassignmentWinsWhateverOrderTheEventsArriveIn() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        DriverUnavailable withdrew = new DriverUnavailable(order, "DRIVER_WITHDREW", customer, vendor, first);

        // worst order: the new assignment, then the withdrawal, then the first assignment
        registry.driverAssigned(assignment(second), T0.plusSeconds(120));
        registry.driverUnavailable(withdrew, T0.plusSeconds(60));
        registry.driverAssigned(assignment(first), T0);

        assertThat(trip().driverId()).isEqualTo(second);
        assertThat(trips.activeTripOf(first)).isEmpty();
    }

    @Test
    void aWithdrawnDriverIsNoLongerTheTripsDriver() {
        UUID first = UUID.randomUUID();
        registry.driverAssigned(assignment(first), T0);
        registry.driverUnavailable(new DriverUnavailable(order, "DRIVER_WITHDREW", customer, vendor, first),
                T0.plusSeconds(60));

        assertThat(trip().driverId()).isNull();
        assertThat(trip().status()).isEqualTo(TripStatus.ASSIGNED);
        assertThat(trips.activeTripOf(first)).isEmpty();
    }

    @Test
    void anEndedTripStaysEndedWithItsFirstReason() {
        UUID tom = UUID.randomUUID();
        registry.delivered(new OrderDelivered(order, customer, vendor, tom, 2400, 299, 240, 0, 0, 2939, "EUR", 1800),
                T0.plusSeconds(1800));
        registry.driverAssigned(assignment(tom), T0);
        registry.pickedUp(pickup(tom), T0.plusSeconds(600));
        registry.cancelled(new OrderCancelled(order, customer, vendor, tom, "ADMIN", "ADMIN", "CONFIRMED", List.of()),
                T0.plusSeconds(1900));

        Trip trip = trip();
        assertThat(trip.status()).isEqualTo(TripStatus.ENDED);
        assertThat(trip.endReason()).isEqualTo("DELIVERED");
        assertThat(trip.endedAt()).isEqualTo(T0.plusSeconds(1800));
        assertThat(trips.activeTripOf(tom)).isEmpty();
    }
}
