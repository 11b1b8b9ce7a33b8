package com.delivery.vendor.infra;

import com.delivery.kit.resilience.WarningThrottle;
import com.delivery.vendor.app.CatalogBackfill;
import com.delivery.vendor.app.VendorProperties;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the catalog backfill ({@link CatalogBackfill}) once per start, on a thread of its own, shortly after start-up:
 * one pass over the vendors that never published a catalog snapshot, batch after batch, until none is left. While
 * the database is away a batch is retried every few seconds (one warning every 30 s, not one per try); a restart
 * begins a new pass, which finds only what is still unpublished.
 */
@Component
class CatalogBackfillRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogBackfillRunner.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final CatalogBackfill backfill;
    private final Duration delay;
    private final int batchSize;
    private final WarningThrottle failures = new WarningThrottle(Duration.ofSeconds(30));
    private volatile boolean running;
    private Thread thread;

    CatalogBackfillRunner(CatalogBackfill backfill, VendorProperties properties) {
        this.backfill = backfill;
        this.delay = properties.catalog().backfillDelay();
        this.batchSize = properties.catalog().backfillBatchSize();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("catalog-backfill").daemon().start(this::pass);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
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

    private void pass() {
        if (!pause(delay)) {
            return;
        }
        UUID after = null;
        int published = 0;
        while (running) {
            CatalogBackfill.Batch batch;
            try {
                batch = backfill.publishBatch(after, batchSize);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.occurred(System.currentTimeMillis()).ifPresent(times -> log.warn(
                        "Catalog backfill batch failed ({} times since the last report); retrying every {} s: {}",
                        times, RETRY_AFTER.toSeconds(), e.toString()));
                if (!pause(RETRY_AFTER)) {
                    return;
                }
                continue;
            }
            if (batch.done()) {
                break;
            }
            published += batch.published();
            after = batch.lastId();
        }
        if (running) {
            log.info("Catalog backfill done: {} vendors got their first catalog snapshot", published);
        }
    }

    /** False if the service is stopping. */
    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
