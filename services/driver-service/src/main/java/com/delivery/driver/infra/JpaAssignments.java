package com.delivery.driver.infra;

import com.delivery.driver.domain.Assignment;
import com.delivery.driver.domain.AssignmentStatus;
import com.delivery.driver.domain.Assignments;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaAssignments extends JpaRepository<Assignment, UUID>, Assignments {

    @Override
    boolean existsByDriverIdAndStatus(UUID driverId, AssignmentStatus status);

    @Override
    Optional<Assignment> findFirstByDriverIdAndStatus(UUID driverId, AssignmentStatus status);

    @Override
    long countByStatus(AssignmentStatus status);

    @Override
    long countByDriverIdAndStatus(UUID driverId, AssignmentStatus status);
}
