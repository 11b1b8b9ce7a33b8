package com.delivery.tracking.app;

import com.delivery.tracking.domain.LocationRejectedException;
import com.delivery.tracking.domain.Rejection;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Device timestamps: epoch milliseconds (as apps usually send them) or ISO-8601 instants. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant parse(String ts) {
        if (ts == null || ts.isBlank()) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION, "ts is required");
        }
        String value = ts.trim();
        try {
            if (value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                return Instant.ofEpochMilli((long) Double.parseDouble(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (NumberFormatException | DateTimeException e) {
            throw new LocationRejectedException(Rejection.INVALID_LOCATION,
                    "ts must be epoch milliseconds or an ISO-8601 instant, was " + value);
        }
    }
}
