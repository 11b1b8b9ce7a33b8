package com.delivery.driver.infra;

import com.delivery.driver.domain.Offer;
import com.delivery.driver.domain.OfferStatus;
import com.delivery.driver.domain.Offers;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaOffers extends JpaRepository<Offer, UUID>, Offers {

    Optional<Offer> findByOrderIdAndStatus(UUID orderId, OfferStatus status);

    Optional<Offer> findByDriverIdAndStatus(UUID driverId, OfferStatus status);

    @Override
    default Optional<Offer> findPendingForOrder(UUID orderId) {
        return findByOrderIdAndStatus(orderId, OfferStatus.PENDING);
    }

    @Override
    default Optional<Offer> findPendingForDriver(UUID driverId) {
        return findByDriverIdAndStatus(driverId, OfferStatus.PENDING);
    }

    @Override
    Optional<Offer> findByOrderIdAndDriverId(UUID orderId, UUID driverId);

    @Override
    boolean existsByOrderId(UUID orderId);

    @Override
    @Query("SELECT o.driverId FROM Offer o WHERE o.orderId = :orderId")
    List<UUID> driversAskedFor(@Param("orderId") UUID orderId);

    @Override
    long countByDriverId(UUID driverId);

    @Override
    long countByDriverIdAndStatus(UUID driverId, OfferStatus status);
}
