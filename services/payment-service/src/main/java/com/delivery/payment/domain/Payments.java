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

    /**
     * Payments whose intent was asked for and is still not booked, due for another attempt at {@code now} (the
     * retry sweep's question), oldest due first.
     */
    List<UUID> intentRequestsDue(Instant now, int limit);

    /** Captured payments per currency with {@code from <= capturedAt < to}. */
    List<CurrencyTotal> capturedBetween(Instant from, Instant to);
}
