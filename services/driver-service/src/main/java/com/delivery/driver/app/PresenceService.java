package com.delivery.driver.app;

import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.DriverRuleException;
import com.delivery.driver.domain.Drivers;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.Shift;
import com.delivery.events.DriverLocationUpdated;
import com.delivery.kit.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online and offline. The driver's online flag and shift start are in PostgreSQL; where they are and whether their
 * app is still alive is in the presence index (Redis GEO + heartbeat). A driver whose heartbeat lapses is pruned:
 * out of the index, offline, and their shift ends at their last sign of life.
 */
@Service
public class PresenceService {

    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);

    private final Drivers drivers;
    private final PresenceIndex presence;
    private final ShiftLog shifts;
    private final Duration heartbeatTtl;
    private final TransactionTemplate tx;
    private final ServiceClock clock;

    PresenceService(Drivers drivers, PresenceIndex presence, ShiftLog shifts, DriverProperties properties,
            PlatformTransactionManager transactions, ServiceClock clock) {
        this.drivers = drivers;
        this.presence = presence;
        this.shifts = shifts;
        this.heartbeatTtl = properties.presence().heartbeatTtl();
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @param since start of the current shift, {@code null} when offline */
    public record Status(UUID driverId, boolean online, Instant since) {
    }

    /** Only approved drivers whose documents are all valid today may go online; 409 with the reason otherwise. */
    @Transactional
    public Status goOnline(UUID driverId, GeoPosition at) {
        Instant now = clock.now();
        Driver driver = drivers.lockById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
        driver.onlineRefusal(LocalDate.ofInstant(now, ZoneOffset.UTC)).ifPresent(refusal -> {
            throw new DriverRuleException(refusal.code(), refusal.reason());
        });
        if (driver.wentOnline(now)) {
            log.info("Driver online driverId={}", driverId);
        }
        drivers.save(driver);
        presence.markOnline(driverId, at, now);
        return new Status(driverId, true, driver.onlineSince());
    }

    @Transactional
    public Status goOffline(UUID driverId) {
        Driver driver = drivers.lockById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
        driver.wentOffline(clock.now()).ifPresent(shift -> {
            shifts.record(shift);
            log.info("Driver offline driverId={} shift={}s", driverId, shift.duration().toSeconds());
        });
        drivers.save(driver);
        presence.markOffline(driverId);
        return new Status(driverId, false, null);
    }

    /**
     * A location from the driver's app: renews the heartbeat; 409 if the driver is not online. A driver who is online
     * in PostgreSQL but unknown to the presence index (Redis restarted empty, or failed over without its data) is put
     * back: their app is demonstrably alive, and making every rider go offline and online again after a Redis
     * restart would leave the city without drivers until they notice.
     */
    public void updateLocation(UUID driverId, GeoPosition at) {
        Instant now = clock.now();
        if (presence.refresh(driverId, at, now, now) == PresenceIndex.Refresh.NOT_ONLINE) {
            Driver driver = drivers.findById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
            if (!driver.online()) {
                throw new DriverRuleException("not-online", "Driver " + driverId + " is not online; go online first");
            }
            presence.markOnline(driverId, at, now);
            log.info("Driver online but missing from the presence index, put back driverId={}", driverId);
        }
    }

    /**
     * A throttled location from the tracking service. Renews the heartbeat of an online driver; a fix older than the
     * heartbeat lifetime is no sign of life and is ignored, as is any location of a driver who is not online.
     */
    public PresenceIndex.Refresh locationReported(DriverLocationUpdated update) {
        Instant now = clock.now();
        Instant seenAt = update.recordedAt().isAfter(now) ? now : update.recordedAt();
        if (!seenAt.plus(heartbeatTtl).isAfter(now)) {
            return PresenceIndex.Refresh.OUTDATED;
        }
        return presence.refresh(update.driverId(), new GeoPosition(update.lat(), update.lng()), seenAt, now);
    }

    /** Prunes drivers whose heartbeat lapsed; returns how many were taken offline. */
    public int pruneSilent() {
        Instant now = clock.now();
        int pruned = 0;
        for (PresenceIndex.Eviction eviction : presence.evictStale(now)) {
            Boolean wentOffline = tx.execute(status -> endSilentShift(eviction, now));
            if (Boolean.TRUE.equals(wentOffline)) {
                pruned++;
            }
        }
        return pruned;
    }

    private boolean endSilentShift(PresenceIndex.Eviction eviction, Instant now) {
        Driver driver = drivers.lockById(eviction.driverId()).orElse(null);
        if (driver == null || !driver.online() || presence.isFresh(driver.id(), now)) {
            // unknown, already offline, or back online meanwhile
            return false;
        }
        Instant end = eviction.lastSeen().orElse(driver.onlineSince());
        Shift shift = driver.wentOffline(end).orElseThrow();
        shifts.record(shift);
        drivers.save(driver);
        log.info("Driver went silent, set offline driverId={} lastSeen={}", driver.id(), end);
        return true;
    }
}
