package com.delivery.payment.api;

import com.delivery.payment.app.PaymentStatistics;
import com.delivery.payment.domain.CurrencyTotal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/payments")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: payments")
class AdminPaymentController {

    private final PaymentStatistics statistics;
    private final Clock clock;

    AdminPaymentController(PaymentStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    record CurrencyAmount(String currency, long count, long amountMinor) {
    }

    /** @param count over all currencies; @param byCurrency sums per currency (amounts never add across currencies) */
    record Totals(long count, List<CurrencyAmount> byCurrency) {
        static Totals of(List<CurrencyTotal> totals) {
            return new Totals(totals.stream().mapToLong(CurrencyTotal::count).sum(), totals.stream()
                    .map(t -> new CurrencyAmount(t.currency(), t.count(), t.amountMinor())).toList());
        }
    }

    /** @param captured payments captured that day; @param refunds refunds made that day */
    record StatsResponse(LocalDate date, String timeZone, Totals captured, Totals refunds) {
    }

    @GetMapping("/stats")
    @Operation(summary = "Payments captured and refunds made on a UTC day (default today): counts, and sums per currency")
    StatsResponse stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        PaymentStatistics.DailyStats stats = statistics.forDay(day);
        return new StatsResponse(day, "UTC", Totals.of(stats.captured()), Totals.of(stats.refunded()));
    }
}
