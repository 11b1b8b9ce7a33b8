package com.delivery.vendor.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** Whole local days, {@code from} to {@code to} inclusive, on which the vendor is closed (holidays, renovation). */
@Embeddable
public class SpecialClosure {

    @Column(name = "from_date", nullable = false)
    private LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    private LocalDate toDate;

    private String reason;

    protected SpecialClosure() {
    }

    public SpecialClosure(LocalDate fromDate, LocalDate toDate, String reason) {
        this.fromDate = Objects.requireNonNull(fromDate, "from");
        this.toDate = toDate == null ? fromDate : toDate;
        if (this.toDate.isBefore(this.fromDate)) {
            throw new InvalidInputException("invalid-closure", "closures",
                    "A closure cannot end (" + this.toDate + ") before it starts (" + this.fromDate + ")");
        }
        this.reason = reason;
    }

    public LocalDate fromDate() {
        return fromDate;
    }

    public LocalDate toDate() {
        return toDate;
    }

    public String reason() {
        return reason;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(fromDate) && !date.isAfter(toDate);
    }

    /** The closure as an absolute interval [start, end) in the vendor's time zone. */
    public Instant startIn(ZoneId zone) {
        return fromDate.atStartOfDay(zone).toInstant();
    }

    public Instant endIn(ZoneId zone) {
        return toDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecialClosure c && c.fromDate.equals(fromDate) && c.toDate.equals(toDate)
                && Objects.equals(c.reason, reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromDate, toDate, reason);
    }
}
