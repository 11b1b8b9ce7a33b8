package com.delivery.driver.app;

import com.delivery.driver.domain.AssignmentStatus;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.DriverDocument;
import com.delivery.driver.domain.Drivers;
import com.delivery.driver.domain.Ratings;
import com.delivery.driver.domain.Vehicle;
import com.delivery.kit.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A driver signs up, keeps their profile, vehicle and documents current, and is looked up. */
@Service
public class OnboardingService {

    private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);

    private final Drivers drivers;
    private final Assignments assignments;
    private final Ratings ratings;
    private final ServiceClock clock;

    OnboardingService(Drivers drivers, Assignments assignments, Ratings ratings, ServiceClock clock) {
        this.drivers = drivers;
        this.assignments = assignments;
        this.ratings = ratings;
        this.clock = clock;
    }

    /** Creates the profile of a DRIVER user (id = their user id); it waits for the background check. */
    @Transactional
    public DriverView register(UUID userId, String fullName, String phone, Vehicle vehicle,
            List<DriverDocument> documents) {
        if (drivers.existsById(userId)) {
            throw alreadyRegistered(userId);
        }
        Driver driver = new Driver(userId, fullName, phone, vehicle, documents, clock.now());
        try {
            drivers.save(driver);
            drivers.flush();
        } catch (DataIntegrityViolationException e) {
            throw alreadyRegistered(userId);
        }
        log.info("Driver registered driverId={} vehicle={}", userId, vehicle.type());
        return view(driver);
    }

    @Transactional(readOnly = true)
    public DriverView get(UUID driverId) {
        return view(find(driverId));
    }

    @Transactional
    public DriverView updateProfile(UUID driverId, String fullName, String phone) {
        Driver driver = find(driverId);
        driver.updateProfile(fullName, phone, clock.now());
        return view(drivers.save(driver));
    }

    @Transactional
    public DriverView changeVehicle(UUID driverId, Vehicle vehicle) {
        Driver driver = find(driverId);
        driver.changeVehicle(vehicle, clock.now());
        return view(drivers.save(driver));
    }

    @Transactional
    public DriverView putDocument(UUID driverId, DriverDocument document) {
        Driver driver = find(driverId);
        driver.putDocument(document, clock.now());
        return view(drivers.save(driver));
    }

    Driver find(UUID driverId) {
        return drivers.findById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
    }

    DriverView view(Driver driver) {
        return new DriverView(driver, ratings.summaryOf(driver.id()),
                assignments.countByDriverIdAndStatus(driver.id(), AssignmentStatus.DELIVERED),
                assignments.existsByDriverIdAndStatus(driver.id(), AssignmentStatus.ACTIVE),
                clock.today());
    }

    private static ApiException alreadyRegistered(UUID userId) {
        return ApiException.conflict("already-registered", "User " + userId + " already has a driver profile");
    }
}
