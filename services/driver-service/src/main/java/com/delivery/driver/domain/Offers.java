package com.delivery.driver.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The offers store. */
public interface Offers {

    /** Saves and flushes, so a broken uniqueness rule surfaces here as a DataIntegrityViolationException. */
    Offer saveAndFlush(Offer offer);

    Optional<Offer> findPendingForOrder(UUID orderId);

    Optional<Offer> findPendingForDriver(UUID driverId);

    Optional<Offer> findByOrderIdAndDriverId(UUID orderId, UUID driverId);

    boolean existsByOrderId(UUID orderId);

    /** Drivers this order was offered to already (they are not asked again). */
    List<UUID> driversAskedFor(UUID orderId);

    long countByDriverId(UUID driverId);

    long countByDriverIdAndStatus(UUID driverId, OfferStatus status);
}
