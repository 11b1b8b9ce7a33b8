package com.delivery.tracking.infra;

import com.delivery.tracking.app.TrackingProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.GeoSpatialIndexType;
import org.springframework.data.mongodb.core.index.GeospatialIndex;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes at startup (idempotent): {@code location_history} by driver and time, by order and time,
 * 2dsphere on {@code point}, and a TTL on {@code receivedAt} for retention; {@code trips} by driver for a
 * driver's active trip.
 */
@Component
class MongoIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final MongoTemplate mongo;
    private final Duration retention;

    MongoIndexes(MongoTemplate mongo, TrackingProperties properties) {
        this.mongo = mongo;
        this.retention = properties.history().retention();
    }

    @Override
    public void afterSingletonsInstantiated() {
        IndexOperations history = mongo.indexOps(LocationHistoryDocument.COLLECTION);
        history.createIndex(new Index().on("driverId", Sort.Direction.ASC).on("ts", Sort.Direction.ASC)
                .named("driver_ts"));
        history.createIndex(new Index().on("orderId", Sort.Direction.ASC).on("ts", Sort.Direction.ASC)
                .named("order_ts"));
        history.createIndex(new GeospatialIndex("point").typed(GeoSpatialIndexType.GEO_2DSPHERE).named("point_2dsphere"));
        try {
            history.createIndex(new Index().on("receivedAt", Sort.Direction.ASC).expire(retention).named("retention"));
        } catch (RuntimeException e) {
            // e.g. the retention changed: an existing TTL index keeps its old value until it is dropped
            log.warn("Retention index on {} not created: {}", LocationHistoryDocument.COLLECTION, e.toString());
        }
        mongo.indexOps(TripDocument.COLLECTION).createIndex(new Index().on("driverId", Sort.Direction.ASC)
                .on("endedAt", Sort.Direction.ASC).named("driver_active"));
    }
}
