package com.delivery.driver.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The service's notion of now, in whole milliseconds: what is stored in PostgreSQL (microseconds) and MongoDB
 * (milliseconds) and what is answered right away must be the same instant. Days are UTC days.
 */
@Component
public class ServiceClock {

    private final Clock clock;

    ServiceClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
