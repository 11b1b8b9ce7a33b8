package com.delivery.driver.app;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/** The time drivers spent on orders, from the assignments (assigned until delivered or cancelled). */
public interface DeliveryPeriods {

    /**
     * Assignments overlapping {@code [from, to)} (or delivered within it), ordered by driver id as text (lower-case
     * canonical form, the order of {@link ShiftLog#overlappingAll}) and then by start. Close the stream.
     */
    Stream<Period> overlapping(Instant from, Instant to);

    /**
     * @param endedAt   delivered or cancelled at; {@code null} while the driver is still on it
     * @param delivered the order was delivered
     */
    record Period(UUID driverId, Instant assignedAt, Instant endedAt, boolean delivered) {
    }
}
