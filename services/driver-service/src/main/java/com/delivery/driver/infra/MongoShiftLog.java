package com.delivery.driver.infra;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.delivery.driver.app.ShiftLog;
import com.delivery.driver.domain.Shift;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finished shifts in the MongoDB collection {@code shifts}; {@code _id} is derived from driver and start, so a
 * shift recorded twice (a retried transaction) is stored once.
 */
@Component
class MongoShiftLog implements ShiftLog {

    static final String COLLECTION = "shifts";

    private final MongoTemplate mongo;

    MongoShiftLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record ShiftDocument(@Id String id, String driverId, Instant startedAt, Instant endedAt, long seconds) {
    }

    @Override
    public void record(Shift shift) {
        try {
            mongo.insert(new ShiftDocument(shift.id(), shift.driverId().toString(), shift.startedAt(),
                    shift.endedAt(), shift.duration().toSeconds()), COLLECTION);
        } catch (DuplicateKeyException e) {
            // recorded before
        }
    }

    @Override
    public List<Shift> overlapping(UUID driverId, Instant from, Instant to) {
        Query query = Query.query(where("driverId").is(driverId.toString()).and("startedAt").lt(to)
                .and("endedAt").gt(from));
        return mongo.find(query, ShiftDocument.class, COLLECTION).stream()
                .map(s -> new Shift(UUID.fromString(s.driverId()), s.startedAt(), s.endedAt()))
                .toList();
    }

    @Override
    public Stream<Shift> overlappingAll(Instant from, Instant to) {
        Query query = Query.query(where("startedAt").lt(to).and("endedAt").gt(from))
                .with(Sort.by(Sort.Order.asc("driverId"), Sort.Order.asc("startedAt")));
        return mongo.stream(query, ShiftDocument.class, COLLECTION)
                .map(s -> new Shift(UUID.fromString(s.driverId()), s.startedAt(), s.endedAt()));
    }

    @Override
    public Duration total(UUID driverId) {
        List<Document> rows = mongo.aggregate(newAggregation(
                        match(where("driverId").is(driverId.toString())),
                        group().sum("seconds").as("seconds")), COLLECTION, Document.class)
                .getMappedResults();
        Object seconds = rows.isEmpty() ? null : rows.getFirst().get("seconds");
        return Duration.ofSeconds(seconds instanceof Number n ? n.longValue() : 0);
    }
}
