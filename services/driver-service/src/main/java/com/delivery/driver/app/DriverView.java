package com.delivery.driver.app;

import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.RatingSummary;
import java.time.LocalDate;

/**
 * A driver's profile with what others need to see alongside it.
 *
 * @param today      the day document validity is judged on
 * @param deliveries orders delivered
 * @param busy       on an active order now
 */
public record DriverView(Driver driver, RatingSummary rating, long deliveries, boolean busy, LocalDate today) {
}
