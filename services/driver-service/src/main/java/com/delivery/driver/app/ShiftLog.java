package com.delivery.driver.app;

import com.delivery.driver.domain.Shift;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Finished online periods of drivers. */
public interface ShiftLog {

    /** Records a shift; recording the same shift again changes nothing. */
    void record(Shift shift);

    /** Shifts that overlap {@code [from, to)}. */
    List<Shift> overlapping(UUID driverId, Instant from, Instant to);

    /**
     * Every driver's shifts that overlap {@code [from, to)}, ordered by driver id as text (lower-case canonical form)
     * and then by start, read as a stream (close it).
     */
    Stream<Shift> overlappingAll(Instant from, Instant to);

    /** Sum of all recorded shifts of the driver. */
    Duration total(UUID driverId);
}
