package com.delivery.driver.domain;

import java.util.Optional;
import java.util.UUID;

/** The assignments store. */
public interface Assignments {

    /** Saves and flushes, so a broken uniqueness rule surfaces here as a DataIntegrityViolationException. */
    Assignment saveAndFlush(Assignment assignment);

    Assignment save(Assignment assignment);

    Optional<Assignment> findById(UUID orderId);

    boolean existsByDriverIdAndStatus(UUID driverId, AssignmentStatus status);

    Optional<Assignment> findFirstByDriverIdAndStatus(UUID driverId, AssignmentStatus status);

    long countByStatus(AssignmentStatus status);

    long countByDriverIdAndStatus(UUID driverId, AssignmentStatus status);
}
