package com.delivery.vendor.infra;

import com.delivery.kit.resilience.WarningThrottle;
import com.delivery.vendor.app.SearchSync;
import com.delivery.vendor.app.SyncRound;
import com.delivery.vendor.app.VendorChanged;
import com.delivery.vendor.app.VendorProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The thread that applies queued search index updates: woken right after every commit that changed a vendor (so
 * search follows within milliseconds), and every poll interval anyway (retries coming due, other instances'
 * changes). Runs on every instance; the queue's row locks keep them from taking the same update.
 *
 * <p>An outage is reported once when it starts, then every 30 s while it lasts, and once when the index is back;
 * never one error per waiting vendor. Metrics: {@code search_sync_pending} (vendors waiting),
 * {@code search_sync_failures_total} (failed attempts, each retried), {@code search_sync_applied_total}.
 */
@Component
class SearchSyncWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchSyncWorker.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final SearchSync sync;
    private final Duration pollInterval;
    private final int batchSize;
    private final Counter failures;
    private final Counter applied;
    private final Semaphore wakeUps = new Semaphore(0);
    private final WarningThrottle stillAway = new WarningThrottle(REPORT_EVERY);
    private final WarningThrottle refusals = new WarningThrottle(REPORT_EVERY);
    private final WarningThrottle brokenRounds = new WarningThrottle(REPORT_EVERY);
    /** Touched by the worker thread only. */
    private boolean indexAway;
    private volatile boolean running;
    private Thread thread;

    SearchSyncWorker(SearchSync sync, VendorProperties properties, MeterRegistry registry) {
        this.sync = sync;
        this.pollInterval = properties.search().sync().pollInterval();
        this.batchSize = properties.search().sync().batchSize();
        Gauge.builder("search.sync.pending", sync, SearchSync::pending)
                .description("Vendors whose search index update is still to be applied")
                .register(registry);
        this.failures = Counter.builder("search.sync.failures")
                .description("Failed attempts to apply a search index update (each is retried)")
                .register(registry);
        this.applied = Counter.builder("search.sync.applied")
                .description("Search index updates applied")
                .register(registry);
    }

    /** The change is committed, and so is its queue entry: apply it now instead of at the next poll. */
    @TransactionalEventListener
    void onVendorChanged(VendorChanged changed) {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("search-sync").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                SyncRound round;
                do {
                    round = sync.syncDue(batchSize);
                    report(round);
                } while (running && round.reachedIndex() && round.claimed() >= batchSize);
            } catch (RuntimeException e) {
                // the thread must outlive any round (the database away, a bug): the queue keeps what is pending
                brokenRounds.occurred(System.currentTimeMillis()).ifPresent(times -> log.warn(
                        "Search sync round failed ({} times since the last report); retrying every {} ms: {}",
                        times, pollInterval.toMillis(), e.toString()));
            }
            try {
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void report(SyncRound round) {
        applied.increment(round.applied());
        failures.increment(round.failed());
        if (!round.reachedIndex()) {
            if (!indexAway) {
                indexAway = true;
                stillAway.loggedAt(System.currentTimeMillis());
                log.warn("Search index unreachable: index updates wait in search_sync and are retried until they "
                        + "succeed: {}", round.unreachable().getMessage());
            } else {
                stillAway.occurred(System.currentTimeMillis()).ifPresent(times -> log.warn(
                        "Search index still unreachable, {} vendors waiting for their index update: {}",
                        sync.pending(), round.unreachable().getMessage()));
            }
        } else if (indexAway) {
            indexAway = false;
            log.info("Search index reachable again; the updates that waited are being applied ({} still waiting)",
                    sync.pending());
        }
        if (round.lastRefusal() != null) {
            refusals.occurred(System.currentTimeMillis()).ifPresent(times -> log.warn(
                    "Search index refused updates ({} times since the last report; they are retried): {}",
                    times, round.lastRefusal().toString()));
        }
    }
}
