package com.delivery.driver.domain;

import java.util.UUID;

/** The ratings store. */
public interface Ratings {

    /** Saves and flushes, so a second rating of the same order surfaces here as a DataIntegrityViolationException. */
    Rating saveAndFlush(Rating rating);

    boolean existsById(UUID orderId);

    RatingSummary summaryOf(UUID driverId);
}
