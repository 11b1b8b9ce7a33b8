package com.delivery.payment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface Refunds {

    Refund save(Refund refund);

    Optional<Refund> findById(UUID id);

    List<Refund> findByPaymentIdOrderByCreatedAt(UUID paymentId);

    /** Refunds per currency with {@code from <= createdAt < to}. */
    List<CurrencyTotal> createdBetween(Instant from, Instant to);
}
