package com.delivery.driver.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The matching jobs store. */
public interface MatchingJobs {

    MatchingJob save(MatchingJob job);

    Optional<MatchingJob> findById(UUID orderId);

    /** The job, row-locked until the transaction ends (waits for another holder). */
    Optional<MatchingJob> lockById(UUID orderId);

    /** The job, row-locked, or empty when it does not exist or someone else is working on it right now. */
    Optional<MatchingJob> tryLockById(UUID orderId);

    /** Active jobs whose next attempt is due, oldest first. */
    List<UUID> dueAt(Instant now, int limit);
}
