package com.delivery.tracking.app;

import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Position;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each driver's latest fix, expiring when the driver goes silent. */
public interface CurrentLocations {

    Optional<LocationFix> find(UUID driverId);

    /**
     * Stores {@code fix} as the driver's current location for {@code ttl}, atomically and only if it is newer than
     * the one stored (so two instances, or a socket and a REST call, cannot move a driver back in time).
     *
     * @return false when a newer or equally old fix is already there
     */
    boolean saveIfNewer(LocationFix fix, Duration ttl);

    /** Drivers with a current location within {@code radiusMeters}, nearest first. */
    List<LocationFix> near(Position center, double radiusMeters, int limit);
}
