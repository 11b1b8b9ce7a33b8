package com.delivery.payment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The payments store. The {@code ...ForUpdate} finders lock the row until the transaction ends. */
public interface Payments {

    Payment save(Payment payment);

    Optional<Payment> findById(UUID id);

    Optional<Payment> findByOrderId(UUID orderId);

    Optional<Payment> lockById(UUID id);

    Optional<Payment> lockByOrderId(UUID orderId);

    Optional<Payment> lockByIntentId(String intentId);

    /** Captured payments per currency with {@code from <= capturedAt < to}. */
    List<CurrencyTotal> capturedBetween(Instant from, Instant to);
}
