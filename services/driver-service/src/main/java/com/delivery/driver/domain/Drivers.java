package com.delivery.driver.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The drivers store, as the use cases need it. */
public interface Drivers {

    Driver save(Driver driver);

    /** Writes pending changes now, so a broken uniqueness rule surfaces here as a DataIntegrityViolationException. */
    void flush();

    Optional<Driver> findById(UUID id);

    boolean existsById(UUID id);

    /**
     * The driver, row-locked until the transaction ends. Every change of who a driver works for (offer, acceptance)
     * takes this lock first, so those decisions are serialised per driver. Call it before the driver is read
     * otherwise in the same transaction. (Matching takes it through {@link DriverLocks}, with a bounded wait.)
     */
    Optional<Driver> lockById(UUID id);

    /** Drivers in a status, oldest first (the review queue). */
    List<Driver> inStatus(DriverStatus status, int page, int size);

    long countByStatus(DriverStatus status);

    /** Drivers online now whose current shift started before {@code instant}. */
    List<Driver> findByOnlineTrueAndOnlineSinceBefore(Instant instant);

    List<Driver> findAllById(Iterable<UUID> ids);
}
