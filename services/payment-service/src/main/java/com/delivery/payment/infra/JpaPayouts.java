package com.delivery.payment.infra;

import com.delivery.payment.domain.Payout;
import com.delivery.payment.domain.Payouts;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaPayouts extends JpaRepository<Payout, UUID>, Payouts {

    @Override
    boolean existsByOrderId(UUID orderId);

    @Override
    Optional<Payout> findByPaymentId(UUID paymentId);

    @Override
    long countByVendorId(UUID vendorId);

    List<Payout> findByVendorId(UUID vendorId, Pageable page);

    @Override
    default List<Payout> forVendor(UUID vendorId, int page, int size) {
        return findByVendorId(vendorId, PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
    }
}
