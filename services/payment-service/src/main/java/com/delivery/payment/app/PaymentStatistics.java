package com.delivery.payment.app;

import com.delivery.payment.domain.CurrencyTotal;
import com.delivery.payment.domain.Payments;
import com.delivery.payment.domain.Refunds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin KPIs of one UTC day. Sums are per currency: amounts in different currencies do not add up. */
@Service
public class PaymentStatistics {

    private final Payments payments;
    private final Refunds refunds;

    PaymentStatistics(Payments payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    public record DailyStats(LocalDate date, List<CurrencyTotal> captured, List<CurrencyTotal> refunded) {
    }

    @Transactional(readOnly = true)
    public DailyStats forDay(LocalDate date) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DailyStats(date, payments.capturedBetween(from, to), refunds.createdBetween(from, to));
    }
}
