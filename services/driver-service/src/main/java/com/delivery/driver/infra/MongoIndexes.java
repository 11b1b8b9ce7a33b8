package com.delivery.driver.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Secondary indexes of the driver collections, created at start-up (creating an existing index is a no-op).
 * Idempotency of earnings rests on {@code _id} and needs none of them; a failure here is logged, not fatal.
 */
@Component
class MongoIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final MongoTemplate mongo;

    MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            mongo.indexOps(MongoEarningsBook.COLLECTION).createIndex(new Index().named("earnings_by_driver_and_time")
                    .on("driverId", Sort.Direction.ASC).on("deliveredAt", Sort.Direction.ASC));
            mongo.indexOps(MongoEarningsBook.COLLECTION).createIndex(new Index().named("earnings_event_id")
                    .on("eventId", Sort.Direction.ASC).unique());
            mongo.indexOps(MongoShiftLog.COLLECTION).createIndex(new Index().named("shifts_by_driver_and_time")
                    .on("driverId", Sort.Direction.ASC).on("startedAt", Sort.Direction.ASC));
        } catch (RuntimeException e) {
            log.warn("Could not create MongoDB indexes: {}", e.toString());
        }
    }
}
