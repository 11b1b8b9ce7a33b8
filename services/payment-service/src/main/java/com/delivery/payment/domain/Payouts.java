package com.delivery.payment.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Payouts {

    Payout save(Payout payout);

    boolean existsByOrderId(UUID orderId);

    Optional<Payout> findByPaymentId(UUID paymentId);

    /** Newest first. */
    List<Payout> forVendor(UUID vendorId, int page, int size);

    long countByVendorId(UUID vendorId);
}
