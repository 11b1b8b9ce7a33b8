package com.delivery.driver.app;

import com.delivery.driver.domain.Assignment;
import com.delivery.driver.domain.AssignmentStatus;
import com.delivery.driver.domain.Assignments;
import com.delivery.driver.domain.Driver;
import com.delivery.driver.domain.DriverLocks;
import com.delivery.driver.domain.DriverRuleException;
import com.delivery.driver.domain.Drivers;
import com.delivery.driver.domain.GeoPosition;
import com.delivery.driver.domain.MatchingJob;
import com.delivery.driver.domain.MatchingJobs;
import com.delivery.driver.domain.MatchingStatus;
import com.delivery.driver.domain.NearbyDriver;
import com.delivery.driver.domain.NotYoursException;
import com.delivery.driver.domain.Offer;
import com.delivery.driver.domain.OfferStatus;
import com.delivery.driver.domain.Offers;
import com.delivery.events.DriverAssigned;
import com.delivery.events.DriverOffer;
import com.delivery.events.DriverUnavailable;
import com.delivery.events.EventPayload;
import com.delivery.events.GeoPoint;
import com.delivery.events.OrderCancelled;
import com.delivery.events.OrderConfirmed;
import com.delivery.events.OrderReadyForPickup;
import com.delivery.kit.outbox.OutboxWriter;
import com.delivery.kit.web.ApiException;
import com.delivery.kit.web.CorrelationId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds a driver for each confirmed order: offers it to the best available driver near the vendor, one driver at a
 * time, each with a time limit; on decline or timeout the next one; the radius grows by a step whenever a round finds
 * nobody; after {@code give-up-after} the order is reported unavailable.
 *
 * <p>Why it is safe under concurrency (several threads, several instances):
 * <ul>
 *   <li>every step of one order's matching holds the order's job row lock, so an order has one pending offer and
 *       one outcome;</li>
 *   <li>giving a driver an offer or an order holds the driver's row lock and re-checks that they are free, so a
 *       driver never holds two offers or two active orders. Matching waits for a concurrent decision that holds a
 *       candidate's lock (another order's offer, an acceptance: milliseconds) and then re-checks the candidate, so
 *       an order that merely lost a race is not told that nobody is around; the wait is bounded
 *       ({@code driver-lock-wait}), so it cannot deadlock, and a candidate held longer makes the round repeat
 *       after a tick within the same radius;</li>
 *   <li>partial unique indexes (one pending offer per driver and per order, one active assignment per driver, one
 *       assignment per order) back all of this in the database.</li>
 * </ul>
 */
@Service
public class MatchingService {

    private static final Logger log = LoggerFactory.getLogger(MatchingService.class);

    private final MatchingJobs jobs;
    private final Offers offers;
    private final Assignments assignments;
    private final Drivers drivers;
    private final DriverLocks driverLocks;
    private final NearbySearch nearby;
    private final OutboxWriter outbox;
    private final MatchingTrigger trigger;
    private final DriverProperties.Matching settings;
    private final ServiceClock clock;

    MatchingService(MatchingJobs jobs, Offers offers, Assignments assignments, Drivers drivers,
            DriverLocks driverLocks, NearbySearch nearby, OutboxWriter outbox, MatchingTrigger trigger,
            DriverProperties properties, ServiceClock clock) {
        this.jobs = jobs;
        this.offers = offers;
        this.assignments = assignments;
        this.drivers = drivers;
        this.driverLocks = driverLocks;
        this.nearby = nearby;
        this.outbox = outbox;
        this.trigger = trigger;
        this.settings = properties.matching();
        this.clock = clock;
    }

    // ---- order events --------------------------------------------------------------------------------------------

    /** {@code order.confirmed}: start looking for a driver near the vendor. */
    @Transactional
    public void orderConfirmed(OrderConfirmed confirmed, String correlationId) {
        Optional<MatchingJob> existing = jobs.findById(confirmed.orderId());
        if (existing.isPresent()) {
            log.info("Matching of order {} exists already ({}), not starting again", confirmed.orderId(),
                    existing.get().status());
            return;
        }
        if (confirmed.driverId() != null) {
            log.info("Order {} was confirmed with driver {} already, no matching", confirmed.orderId(),
                    confirmed.driverId());
            return;
        }
        jobs.save(MatchingJob.start(confirmed.orderId(), confirmed.customerId(), confirmed.vendorId(),
                confirmed.vendorName(), position(confirmed.vendorLocation()),
                position(confirmed.deliveryAddress().location()), clock.now(), correlationId));
        log.info("Matching started for order {}", confirmed.orderId());
        wakeUpAfterCommit();
    }

    /** {@code order.ready_for_pickup}: look again now; a search that gave up starts over. */
    @Transactional
    public void orderReadyForPickup(OrderReadyForPickup ready) {
        jobs.lockById(ready.orderId()).ifPresent(job -> {
            if (job.nudge(clock.now())) {
                log.info("Order {} ready for pickup, matching {}", ready.orderId(), job.status());
                wakeUpAfterCommit();
            }
        });
    }

    /** {@code order.cancelled}: stop matching, withdraw a pending offer, free the assigned driver. */
    @Transactional
    public void orderCancelled(OrderCancelled cancelled, String correlationId) {
        Instant now = clock.now();
        Optional<MatchingJob> found = jobs.lockById(cancelled.orderId());
        if (found.isEmpty()) {
            jobs.save(MatchingJob.cancelledBeforeConfirmation(cancelled.orderId(), cancelled.customerId(),
                    cancelled.vendorId(), now, correlationId));
        } else {
            offers.findPendingForOrder(cancelled.orderId()).ifPresent(offer -> offer.withdraw(now));
            found.get().cancelled(now);
        }
        assignments.findById(cancelled.orderId()).ifPresent(assignment -> {
            if (assignment.cancelled(now)) {
                log.info("Order {} cancelled, driver {} is free again", cancelled.orderId(), assignment.driverId());
            }
        });
    }

    // ---- the matching loop ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<UUID> dueJobs(int limit) {
        return jobs.dueAt(clock.now(), limit);
    }

    /**
     * One step of one order's matching, if it is due and nobody else is working on it: expire an offer that ran out,
     * give up if it took too long, or offer the order to the best available driver within the current radius.
     */
    @Transactional
    public void attempt(UUID orderId) {
        Instant now = clock.now();
        MatchingJob job = jobs.tryLockById(orderId).orElse(null);
        if (job == null || !job.isDue(now)) {
            return;
        }
        if (job.status() == MatchingStatus.OFFERED) {
            Optional<Offer> pending = offers.findPendingForOrder(orderId);
            if (pending.isPresent() && pending.get().isOpenAt(now)) {
                return;
            }
            pending.ifPresent(offer -> {
                offer.expire(now);
                log.info("Offer of order {} to driver {} expired", orderId, offer.driverId());
            });
            job.searchAgain(now);
        }
        if (job.shouldGiveUp(now, settings.giveUpAfter())) {
            String reason = job.gaveUp(now);
            log.info("No driver for order {} after {}: {}", orderId, settings.giveUpAfter(), reason);
            appendInFlow(job, new DriverUnavailable(orderId, reason, job.customerId(), job.vendorId(), null));
            return;
        }
        Set<UUID> asked = new HashSet<>(offers.driversAskedFor(orderId));
        double radiusKm = job.radiusKm(settings.radiusStepsKm());
        boolean contended = false;
        for (NearbyDriver candidate : nearby.available(job.pickup(), radiusKm, null, asked, 20)) {
            Candidate outcome = offerTo(job, candidate, now);
            if (outcome == Candidate.OFFERED) {
                return;
            }
            contended |= outcome == Candidate.CONTENDED;
        }
        if (contended) {
            // someone in range may be free once the other decision ends: not "nobody", same radius, a tick's pause
            job.contended(settings.tick(), now);
            log.debug("A driver near order {} was held by a concurrent decision, looking again shortly", orderId);
            return;
        }
        job.nobodyInRange(settings.lastStep(), settings.retryInterval(), now);
        log.debug("Nobody available within {} km of order {}", radiusKm, orderId);
    }

    /** What became of one candidate of a round. */
    private enum Candidate {
        OFFERED,
        /** Not available once looked at under their lock: offline, or another order's offer or order came first. */
        TAKEN,
        /** A concurrent decision held their lock beyond {@code driver-lock-wait}: unknown. */
        CONTENDED
    }

    private Candidate offerTo(MatchingJob job, NearbyDriver candidate, Instant now) {
        UUID driverId = candidate.facts().id();
        // serialise with every other decision about this driver (waiting for one in progress), and re-check now
        // that we hold the lock: the search above may predate that decision
        DriverLocks.Outcome lock = driverLocks.lockIfAvailable(driverId, settings.driverLockWait());
        if (lock == DriverLocks.Outcome.CONTENDED) {
            log.debug("Driver {} was held by a concurrent decision for longer than {}", driverId,
                    settings.driverLockWait());
            return Candidate.CONTENDED;
        }
        if (lock == DriverLocks.Outcome.UNAVAILABLE
                || offers.findPendingForDriver(driverId).isPresent()
                || assignments.existsByDriverIdAndStatus(driverId, AssignmentStatus.ACTIVE)) {
            return Candidate.TAKEN;
        }
        Offer offer = offers.saveAndFlush(new Offer(job.orderId(), driverId,
                (int) Math.round(candidate.distanceMeters()), now, now.plus(settings.offerTimeout())));
        job.offered(driverId, offer.expiresAt(), now);
        appendInFlow(job, new DriverOffer(job.orderId(), driverId, offer.expiresAt(), job.vendorName(),
                point(job.pickup()), point(job.dropoff())));
        log.info("Order {} offered to driver {} at {} m", job.orderId(), driverId, offer.distanceMeters());
        return Candidate.OFFERED;
    }

    // ---- the driver's answer ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<OfferView> currentOffer(UUID driverId) {
        Instant now = clock.now();
        return offers.findPendingForDriver(driverId).filter(offer -> offer.isOpenAt(now))
                .flatMap(offer -> jobs.findById(offer.orderId()).map(job -> new OfferView(job.orderId(), driverId,
                        job.vendorName(), job.pickup(), job.dropoff(), offer.distanceMeters(), offer.offeredAt(),
                        offer.expiresAt())));
    }

    /**
     * The driver takes the order: {@code driver.assigned}, and the driver is busy until it is delivered or cancelled.
     * Accepting again what one accepted already answers the same; an expired, declined or withdrawn offer is 409,
     * someone else's offer 403.
     */
    @Transactional
    public Assignment accept(UUID driverId, UUID orderId) {
        Instant now = clock.now();
        MatchingJob job = lockJob(orderId);
        Offer offer = offerOf(job, driverId);
        if (offer.status() == OfferStatus.ACCEPTED) {
            return assignments.findById(orderId).orElseThrow();
        }
        offer.requireOpen(now);
        Driver driver = drivers.lockById(driverId).orElseThrow(() -> ApiException.notFound("Driver", driverId));
        if (!driver.isApproved()) {
            throw new DriverRuleException("not-approved", "Driver " + driverId + " is " + driver.status());
        }
        if (assignments.existsByDriverIdAndStatus(driverId, AssignmentStatus.ACTIVE)) {
            throw driverBusy(driverId);
        }
        offer.accept(now);
        job.assigned(driverId, now);
        Assignment assignment;
        try {
            assignment = assignments.saveAndFlush(
                    Assignment.start(orderId, driverId, job.customerId(), job.vendorId(), now));
        } catch (DataIntegrityViolationException e) {
            throw driverBusy(driverId);
        }
        appendInFlow(job, new DriverAssigned(orderId, driverId, driver.fullName(), driver.vehicle().type().name(),
                job.customerId(), job.vendorId()));
        log.info("Driver {} accepted order {}", driverId, orderId);
        return assignment;
    }

    /** The driver passes: the next driver is asked at once. */
    @Transactional
    public void decline(UUID driverId, UUID orderId) {
        Instant now = clock.now();
        MatchingJob job = lockJob(orderId);
        Offer offer = offerOf(job, driverId);
        offer.decline(now);
        job.searchAgain(now);
        log.info("Driver {} declined order {}", driverId, orderId);
        wakeUpAfterCommit();
    }

    private MatchingJob lockJob(UUID orderId) {
        return jobs.lockById(orderId).orElseThrow(() -> ApiException.notFound("Offer of order", orderId));
    }

    private Offer offerOf(MatchingJob job, UUID driverId) {
        return offers.findByOrderIdAndDriverId(job.orderId(), driverId).orElseThrow(() -> {
            if (offers.existsByOrderId(job.orderId())) {
                return new NotYoursException("Order " + job.orderId() + " was not offered to you");
            }
            return ApiException.notFound("Offer of order", job.orderId());
        });
    }

    private static DriverRuleException driverBusy(UUID driverId) {
        return new DriverRuleException("driver-busy", "Driver " + driverId + " is already on an active order");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Events about an order carry the correlation id of the order's flow, whoever triggered them. */
    private void appendInFlow(MatchingJob job, EventPayload payload) {
        String previous = CorrelationId.current();
        CorrelationId.set(job.correlationId() != null ? job.correlationId() : previous);
        try {
            outbox.append(payload);
        } finally {
            CorrelationId.set(previous);
        }
    }

    private void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trigger.wakeUp();
                }
            });
        } else {
            trigger.wakeUp();
        }
    }

    private static GeoPosition position(GeoPoint point) {
        return new GeoPosition(point.lat(), point.lng());
    }

    private static GeoPoint point(GeoPosition position) {
        return new GeoPoint(position.lat(), position.lng());
    }
}
