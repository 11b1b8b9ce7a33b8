package com.delivery.driver.infra;

import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.DriverStatus;
import com.delivery.driver.domain.Drivers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaDrivers extends JpaRepository<Driver, UUID>, Drivers {

    @Override
    @Query(value = "SELECT * FROM drivers WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Driver> lockById(@Param("id") UUID id);

    @Query("SELECT d FROM Driver d WHERE d.status = :status ORDER BY d.createdAt, d.id")
    List<Driver> inStatusPage(@Param("status") DriverStatus status, Pageable page);

    @Override
    default List<Driver> inStatus(DriverStatus status, int page, int size) {
        return inStatusPage(status, PageRequest.of(page, size));
    }

    @Override
    long countByStatus(DriverStatus status);

    @Override
    List<Driver> findByOnlineTrueAndOnlineSinceBefore(Instant instant);
}
