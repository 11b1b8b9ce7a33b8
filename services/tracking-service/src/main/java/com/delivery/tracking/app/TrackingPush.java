package com.delivery.tracking.app;

import com.delivery.tracking.domain.Eta;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Rejection;
import java.util.UUID;

/** Live pushes to the apps watching an order (room {@code order:<id>}) or to a driver's own sockets. */
public interface TrackingPush {

    void driverLocation(UUID orderId, LocationFix fix, boolean stale);

    void eta(Eta eta);

    void rejected(UUID driverId, Rejection reason, String message);
}
