package com.delivery.tracking.infra;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.delivery.tracking.app.LocationHistory;
import com.delivery.tracking.app.TrackingProperties;
import com.delivery.tracking.domain.LocationFix;
import com.delivery.tracking.domain.Position;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.stereotype.Repository;

/**
 * The location history in MongoDB, written in batches: fixes are buffered and inserted together every
 * {@code tracking.history.flush-interval} (one insert of up to {@code batch-size} documents instead of one per
 * fix). Reading a route first writes what this instance still holds, so a driver's own fixes are never missing
 * from it. A crash loses at most one interval of history; the current location in Redis is not affected.
 */
@Repository
class MongoLocationHistory implements LocationHistory, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoLocationHistory.class);
    private static final int MAX_BUFFERED = 100_000;

    private final MongoTemplate mongo;
    private final TrackingProperties.History settings;
    private final LinkedBlockingQueue<LocationHistoryDocument> buffer = new LinkedBlockingQueue<>(MAX_BUFFERED);
    private volatile ScheduledExecutorService flusher;

    MongoLocationHistory(MongoTemplate mongo, TrackingProperties properties) {
        this.mongo = mongo;
        this.settings = properties.history();
    }

    @Override
    public void append(LocationFix fix) {
        LocationHistoryDocument doc = new LocationHistoryDocument(null, fix.driverId().toString(),
                fix.orderId() == null ? null : fix.orderId().toString(), new GeoJsonPoint(fix.lng(), fix.lat()),
                fix.heading(), fix.speed(), fix.accuracy(), fix.recordedAt().truncatedTo(ChronoUnit.MILLIS),
                fix.receivedAt().truncatedTo(ChronoUnit.MILLIS));
        if (!buffer.offer(doc)) {
            log.warn("Location history buffer full, dropping a fix of driver {}", fix.driverId());
        }
        if (buffer.size() >= settings.batchSize()) {
            ScheduledExecutorService running = flusher;
            if (running != null) {
                running.execute(this::flush);
            }
        }
    }

    @Override
    public List<LocationFix> route(UUID orderId, int limit) {
        flush();
        return mongo.find(query(where("orderId").is(orderId.toString())).with(Sort.by("ts", "receivedAt")).limit(limit),
                LocationHistoryDocument.class).stream().map(MongoLocationHistory::toFix).toList();
    }

    /** Writes everything buffered, in batches. */
    synchronized void flush() {
        List<LocationHistoryDocument> batch = new ArrayList<>(settings.batchSize());
        while (buffer.drainTo(batch, settings.batchSize()) > 0) {
            try {
                mongo.insert(batch, LocationHistoryDocument.class);
            } catch (RuntimeException e) {
                log.warn("Could not write {} history fixes: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private static LocationFix toFix(LocationHistoryDocument doc) {
        return new LocationFix(UUID.fromString(doc.driverId()), doc.orderId() == null ? null : UUID.fromString(doc.orderId()),
                new Position(doc.point().getY(), doc.point().getX()), doc.heading(), doc.speed(), doc.accuracy(),
                doc.ts(), doc.receivedAt());
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("location-history-flush").factory());
        long every = Math.max(10, settings.flushInterval().toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("History flush failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        flusher = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = flusher;
        flusher = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    @Override
    public int getPhase() {
        // stops after the socket gateway (which stops at MAX_VALUE - 2000), so the last fixes are written
        return Integer.MAX_VALUE - 3000;
    }
}
