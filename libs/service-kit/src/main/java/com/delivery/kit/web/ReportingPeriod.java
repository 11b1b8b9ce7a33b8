package com.delivery.kit.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The date range and time zone of an admin report, from its query parameters: {@code from} inclusive, {@code to}
 * exclusive, each an ISO instant or an ISO date (midnight in the zone); the zone an IANA id, UTC when blank.
 * Invalid input becomes a 400 problem: {@code invalid-zone}, {@code invalid-range} or {@code range-too-long}.
 */
public record ReportingPeriod(Instant from, Instant to, ZoneId zone) {

    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    public static ReportingPeriod parse(String from, String to, String zone) {
        ZoneId zoneId = zone(zone);
        Instant start = bound("from", from, zoneId);
        Instant end = bound("to", to, zoneId);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("invalid-range", "'from' must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw ApiException.badRequest("range-too-long", "A report covers at most " + MAX_LENGTH.toDays() + " days");
        }
        return new ReportingPeriod(start, end, zoneId);
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        // only IANA region ids: PostgreSQL reads "+02:00" or "UTC+2" the POSIX way (sign inverted)
        if (!ZoneId.getAvailableZoneIds().contains(zone.strip())) {
            throw ApiException.badRequest("invalid-zone", "zone must be an IANA time zone id such as Europe/Berlin, was '"
                    + zone + "'");
        }
        return ZoneId.of(zone.strip());
    }

    private static Instant bound(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid-range", "'" + name + "' is required");
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("invalid-range", "'" + name
                    + "' must be an ISO date (2026-03-01) or instant (2026-03-01T00:00:00Z), was '" + value + "'");
        }
    }
}
