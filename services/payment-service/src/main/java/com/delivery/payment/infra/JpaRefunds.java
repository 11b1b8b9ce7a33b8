package com.delivery.payment.infra;

import com.delivery.payment.domain.CurrencyTotal;
import com.delivery.payment.domain.Refund;
import com.delivery.payment.domain.Refunds;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaRefunds extends JpaRepository<Refund, UUID>, Refunds {

    @Override
    List<Refund> findByPaymentIdOrderByCreatedAt(UUID paymentId);

    @Override
    @Query("""
            SELECT new com.delivery.payment.domain.CurrencyTotal(r.currency, count(r), coalesce(sum(r.amountMinor), 0))
            FROM Refund r WHERE r.createdAt >= :from AND r.createdAt < :to
            GROUP BY r.currency ORDER BY r.currency
            """)
    List<CurrencyTotal> createdBetween(@Param("from") Instant from, @Param("to") Instant to);
}
