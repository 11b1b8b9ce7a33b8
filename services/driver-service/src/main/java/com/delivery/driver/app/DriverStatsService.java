package com.delivery.driver.app;

import com.delivery.driver.domain.AssignmentStatus;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.Drivers;
import com.delivery.driver.domain.OfferStatus;
import com.delivery.driver.domain.Offers;
import com.delivery.driver.domain.RatingSummary;
import com.delivery.driver.domain.Ratings;
import com.delivery.kit.web.ApiException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A driver's career in numbers. */
@Service
public class DriverStatsService {

    private final Drivers drivers;
    private final Assignments assignments;
    private final Offers offers;
    private final Ratings ratings;
    private final ShiftLog shifts;
    private final ServiceClock clock;

    DriverStatsService(Drivers drivers, Assignments assignments, Offers offers, Ratings ratings, ShiftLog shifts,
            ServiceClock clock) {
        this.drivers = drivers;
        this.assignments = assignments;
        this.offers = offers;
        this.ratings = ratings;
        this.shifts = shifts;
        this.clock = clock;
    }

    /**
     * @param deliveries     orders delivered
     * @param cancellations  orders cancelled while this driver was assigned
     * @param offered        offers received
     * @param accepted       offers accepted
     * @param acceptanceRate accepted / offered, {@code null} before the first offer
     * @param onlineSeconds  time online: recorded shifts plus the current one
     */
    public record Stats(UUID driverId, long deliveries, long cancellations, long offered, long accepted,
            Double acceptanceRate, RatingSummary rating, long onlineSeconds) {
    }

    @Transactional(readOnly = true)
    public Stats of(UUID driverId) {
        Driver driver = drivers.findById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
        long offered = offers.countByDriverId(driverId);
        long accepted = offers.countByDriverIdAndStatus(driverId, OfferStatus.ACCEPTED);
        Duration online = shifts.total(driverId);
        if (driver.online()) {
            online = online.plus(Duration.between(driver.onlineSince(), clock.now()));
        }
        return new Stats(driverId,
                assignments.countByDriverIdAndStatus(driverId, AssignmentStatus.DELIVERED),
                assignments.countByDriverIdAndStatus(driverId, AssignmentStatus.CANCELLED),
                offered, accepted,
                offered == 0 ? null : Math.round(accepted * 10000.0 / offered) / 10000.0,
                ratings.summaryOf(driverId),
                Math.max(0, online.toSeconds()));
    }
}
