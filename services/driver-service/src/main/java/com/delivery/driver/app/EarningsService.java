package com.delivery.driver.app;

import com.delivery.driver.domain.Drivers;
import com.delivery.driver.domain.Shift;
import com.delivery.kit.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A driver's earnings over a range of UTC days: per day (with the time spent online that day), per calendar month
 * touched by the range (whole months), and over their whole career.
 */
@Service
public class EarningsService {

    static final int MAX_DAYS = 366;

    private final Drivers drivers;
    private final EarningsBook book;
    private final ShiftLog shifts;
    private final String currency;
    private final ServiceClock clock;

    EarningsService(Drivers drivers, EarningsBook book, ShiftLog shifts, DriverProperties properties, ServiceClock clock) {
        this.drivers = drivers;
        this.book = book;
        this.shifts = shifts;
        this.currency = properties.earnings().currency();
        this.clock = clock;
    }

    /** @param onlineSeconds time online that day, from recorded shifts */
    public record Day(LocalDate date, EarningsBook.Totals totals, long onlineSeconds) {
    }

    public record Report(UUID driverId, String currency, LocalDate from, LocalDate to, List<Day> days,
            List<EarningsBook.Totals> months, EarningsBook.Totals lifetime) {
    }

    /** @param from first day, default six days before {@code to}; {@code to} last day (inclusive), default today */
    public Report report(UUID driverId, LocalDate from, LocalDate to) {
        if (!drivers.existsById(driverId)) {
            throw ApiException.notFound("Driver", driverId);
        }
        LocalDate last = to != null ? to : clock.today();
        LocalDate first = from != null ? from : last.minusDays(6);
        if (first.isAfter(last)) {
            throw ApiException.badRequest("invalid-range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.badRequest("invalid-range", "A report covers at most " + MAX_DAYS + " days");
        }
        Instant start = startOf(first);
        Instant end = startOf(last.plusDays(1));
        Map<String, EarningsBook.Totals> perDay = book.daily(driverId, start, end).stream()
                .collect(Collectors.toMap(EarningsBook.Totals::period, Function.identity()));
        List<Shift> worked = shifts.overlapping(driverId, start, end);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant dayStart = startOf(day);
            Instant dayEnd = startOf(day.plusDays(1));
            long online = worked.stream().map(s -> s.overlap(dayStart, dayEnd)).mapToLong(Duration::toSeconds).sum();
            days.add(new Day(day, perDay.getOrDefault(day.toString(), EarningsBook.Totals.none(day.toString())), online));
        }
        YearMonth firstMonth = YearMonth.from(first);
        YearMonth lastMonth = YearMonth.from(last);
        Map<String, EarningsBook.Totals> perMonth = book.monthly(driverId, startOf(firstMonth.atDay(1)),
                startOf(lastMonth.plusMonths(1).atDay(1))).stream()
                .collect(Collectors.toMap(EarningsBook.Totals::period, Function.identity()));
        List<EarningsBook.Totals> months = new ArrayList<>();
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            months.add(perMonth.getOrDefault(month.toString(), EarningsBook.Totals.none(month.toString())));
        }
        return new Report(driverId, currency, first, last, days, months, book.lifetime(driverId));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
