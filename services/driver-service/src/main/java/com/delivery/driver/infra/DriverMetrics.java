package com.delivery.driver.infra;

import com.delivery.driver.app.DriverAdministration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@code drivers_online} and {@code drivers_busy} for dashboards and alerts, from the fleet-wide stats. */
@Component
class DriverMetrics implements MeterBinder {

    private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);

    private final DriverAdministration administration;
    private final Clock clock;
    private DriverAdministration.FleetStats snapshot;
    private Instant snapshotAt = Instant.EPOCH;

    DriverMetrics(DriverAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("drivers.online", this, metrics -> metrics.stats().online())
                .description("Drivers online with a fresh heartbeat").register(registry);
        Gauge.builder("drivers.busy", this, metrics -> metrics.stats().busy())
                .description("Drivers on an active order").register(registry);
    }

    private synchronized DriverAdministration.FleetStats stats() {
        Instant now = clock.instant();
        if (snapshot == null || now.isAfter(snapshotAt.plus(SNAPSHOT_AGE))) {
            snapshot = administration.stats();
            snapshotAt = now;
        }
        return snapshot;
    }
}
