package com.delivery.driver.app;

import com.delivery.driver.domain.Assignment;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.Rating;
import com.delivery.driver.domain.RatingSummary;
import com.delivery.driver.domain.Ratings;
import com.delivery.kit.web.ApiException;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers rate the driver of their delivered order, once per order. */
@Service
public class RatingService {

    private final Assignments assignments;
    private final Ratings ratings;
    private final ServiceClock clock;

    RatingService(Assignments assignments, Ratings ratings, ServiceClock clock) {
        this.assignments = assignments;
        this.ratings = ratings;
        this.clock = clock;
    }

    public record Rated(Rating rating, RatingSummary driverRating) {
    }

    /**
     * 404 if the driver did not deliver (and was not assigned) that order, 403 if the caller is not its customer,
     * 409 if it is not delivered yet or was rated already.
     */
    @Transactional
    public Rated rate(UUID driverId, UUID customerId, UUID orderId, int stars, String comment) {
        Assignment delivery = assignments.findById(orderId).filter(a -> a.driverId().equals(driverId))
                .orElseThrow(() -> ApiException.notFound("Delivery of order " + orderId + " by driver", driverId));
        Rating rating = Rating.of(delivery, customerId, stars, comment, clock.now());
        if (ratings.existsById(orderId)) {
            throw alreadyRated(orderId);
        }
        try {
            ratings.saveAndFlush(rating);
        } catch (DataIntegrityViolationException e) {
            throw alreadyRated(orderId);
        }
        return new Rated(rating, ratings.summaryOf(driverId));
    }

    private static ApiException alreadyRated(UUID orderId) {
        return ApiException.conflict("already-rated", "The driver of order " + orderId + " was rated already");
    }
}
