package com.delivery.driver.app;

import com.delivery.driver.domain.AssignmentStatus;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.DriverFacts;
import com.delivery.driver.domain.DriverFactsQuery;
import com.delivery.driver.domain.DriverStatus;
import com.delivery.driver.domain.Drivers;
import com.delivery.kit.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an admin does with drivers: the review queue, approval, rejection, suspension, and the fleet's numbers. */
@Service
public class DriverAdministration {

    private static final Logger log = LoggerFactory.getLogger(DriverAdministration.class);

    private final Drivers drivers;
    private final Assignments assignments;
    private final DriverFactsQuery facts;
    private final PresenceIndex presence;
    private final ShiftLog shifts;
    private final OnboardingService onboarding;
    private final ServiceClock clock;

    DriverAdministration(Drivers drivers, Assignments assignments, DriverFactsQuery facts, PresenceIndex presence,
            ShiftLog shifts, OnboardingService onboarding, ServiceClock clock) {
        this.drivers = drivers;
        this.assignments = assignments;
        this.facts = facts;
        this.presence = presence;
        this.shifts = shifts;
        this.onboarding = onboarding;
        this.clock = clock;
    }

    public record Page(List<DriverView> drivers, long total) {
    }

    /**
     * @param online    drivers online with a fresh heartbeat
     * @param busy      drivers on an active order
     * @param available online drivers who could take an order now (approved, not busy, no pending offer)
     * @param pending   drivers waiting for the background check
     */
    public record FleetStats(long online, long busy, long available, long pending) {
    }

    @Transactional(readOnly = true)
    public Page queue(DriverStatus status, int page, int size) {
        List<DriverView> views = drivers.inStatus(status, page, size).stream().map(onboarding::view).toList();
        return new Page(views, drivers.countByStatus(status));
    }

    @Transactional
    public DriverView approve(UUID driverId, UUID adminId) {
        Driver driver = lock(driverId);
        driver.approve(adminId, clock.today(), clock.now());
        log.info("Driver approved driverId={} by={}", driverId, adminId);
        return onboarding.view(drivers.save(driver));
    }

    @Transactional
    public DriverView reject(UUID driverId, UUID adminId, String reason) {
        Driver driver = lock(driverId);
        driver.reject(adminId, reason, clock.now());
        log.info("Driver rejected driverId={} by={}", driverId, adminId);
        return onboarding.view(drivers.save(driver));
    }

    /** Suspends the driver and takes them offline at once; an order they are delivering stays theirs. */
    @Transactional
    public DriverView suspend(UUID driverId, UUID adminId, String reason) {
        Driver driver = lock(driverId);
        driver.suspend(adminId, reason, clock.now()).ifPresent(shifts::record);
        presence.markOffline(driverId);
        log.info("Driver suspended driverId={} by={}", driverId, adminId);
        return onboarding.view(drivers.save(driver));
    }

    @Transactional
    public DriverView reinstate(UUID driverId, UUID adminId) {
        Driver driver = lock(driverId);
        driver.reinstate(adminId, clock.now());
        log.info("Driver reinstated driverId={} by={}", driverId, adminId);
        return onboarding.view(drivers.save(driver));
    }

    @Transactional(readOnly = true)
    public FleetStats stats() {
        Instant now = clock.now();
        Set<UUID> fresh = presence.freshDrivers(now);
        long available = fresh.isEmpty() ? 0 : facts.factsOf(fresh).stream().filter(DriverFacts::available).count();
        return new FleetStats(fresh.size(), assignments.countByStatus(AssignmentStatus.ACTIVE), available,
                drivers.countByStatus(DriverStatus.PENDING));
    }

    private Driver lock(UUID driverId) {
        return drivers.lockById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
    }
}
