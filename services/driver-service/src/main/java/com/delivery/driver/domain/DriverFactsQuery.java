package com.delivery.driver.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads {@link DriverFacts} for many drivers at once (profile, ratings, deliveries, current work). */
public interface DriverFactsQuery {

    /** Facts of those of the given drivers that exist, in no particular order. */
    List<DriverFacts> factsOf(Collection<UUID> driverIds);
}
