package com.delivery.payment.infra;

import com.delivery.payment.domain.CurrencyTotal;
import com.delivery.payment.domain.Payment;
import com.delivery.payment.domain.Payments;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaPayments extends JpaRepository<Payment, UUID>, Payments {

    @Override
    Optional<Payment> findByOrderId(UUID orderId);

    @Override
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM Payment p WHERE p.id = :id")
    Optional<Payment> lockById(@Param("id") UUID id);

    @Override
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM Payment p WHERE p.orderId = :orderId")
    Optional<Payment> lockByOrderId(@Param("orderId") UUID orderId);

    @Override
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM Payment p WHERE p.providerIntentId = :intentId")
    Optional<Payment> lockByIntentId(@Param("intentId") String intentId);

    @Override
    @Query(value = """
            SELECT id FROM payments
            WHERE status = 'AWAITING_STOCK' AND intent_requested_at IS NOT NULL AND intent_next_attempt_at <= :now
            ORDER BY intent_next_attempt_at LIMIT :limit
            """, nativeQuery = true)
    List<UUID> intentRequestsDue(@Param("now") Instant now, @Param("limit") int limit);

    @Override
    @Query("""
            SELECT new com.delivery.payment.domain.CurrencyTotal(p.currency, count(p), coalesce(sum(p.capturedMinor), 0))
            FROM Payment p WHERE p.capturedAt >= :from AND p.capturedAt < :to
            GROUP BY p.currency ORDER BY p.currency
            """)
    List<CurrencyTotal> capturedBetween(@Param("from") Instant from, @Param("to") Instant to);
}
