package com.delivery.driver.infra;

import com.delivery.driver.domain.MatchingJob;
import com.delivery.driver.domain.MatchingJobs;
import com.delivery.driver.domain.MatchingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaMatchingJobs extends JpaRepository<MatchingJob, UUID>, MatchingJobs {

    @Override
    @Query(value = "SELECT * FROM matching_jobs WHERE order_id = :id FOR UPDATE", nativeQuery = true)
    Optional<MatchingJob> lockById(@Param("id") UUID orderId);

    @Override
    @Query(value = "SELECT * FROM matching_jobs WHERE order_id = :id FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<MatchingJob> tryLockById(@Param("id") UUID orderId);

    @Query("SELECT j.orderId FROM MatchingJob j WHERE j.status IN :active AND j.nextAttemptAt <= :now "
            + "ORDER BY j.nextAttemptAt")
    List<UUID> due(@Param("active") List<MatchingStatus> active, @Param("now") Instant now, Limit limit);

    @Override
    default List<UUID> dueAt(Instant now, int limit) {
        return due(List.of(MatchingStatus.SEARCHING, MatchingStatus.OFFERED), now, Limit.of(limit));
    }
}
