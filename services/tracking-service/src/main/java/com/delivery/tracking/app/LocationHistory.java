package com.delivery.tracking.app;

import com.delivery.tracking.domain.LocationFix;
import java.util.List;
import java.util.UUID;

/** Every accepted fix, kept for the retention period. */
public interface LocationHistory {

    /** Adds a fix; it may be written in a batch shortly after. */
    void append(LocationFix fix);

    /** The fixes recorded for an order, oldest first, at most {@code limit}. */
    List<LocationFix> route(UUID orderId, int limit);
}
