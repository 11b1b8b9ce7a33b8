package com.delivery.tracking.app;

import com.delivery.tracking.domain.LocationFix;

/** Tells the other services where a driver is ({@code driver.location_updated}). */
public interface LocationEvents {

    /** Sends without waiting; a failure is logged, the next fix supersedes this one anyway. */
    void publish(LocationFix fix);
}
