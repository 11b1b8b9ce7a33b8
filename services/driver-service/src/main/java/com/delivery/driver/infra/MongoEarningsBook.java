package com.delivery.driver.infra;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.project;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.delivery.driver.app.EarningsBook;
import com.delivery.driver.domain.Earning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.DateOperators;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Earnings in the MongoDB collection {@code earnings}, one document per delivered order with {@code _id} = order
 * id, plus a unique index on the event id. Inserting is the whole idempotency: a second insert for the same
 * delivery fails on a unique key and is ignored, which needs no transaction (MongoDB 7 or the local
 * MongoDB-protocol server alike). Sums are aggregations grouped by the UTC day or month as a string
 * ({@code $dateToString}).
 */
@Component
class MongoEarningsBook implements EarningsBook {

    static final String COLLECTION = "earnings";

    private final MongoTemplate mongo;

    MongoEarningsBook(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record EarningDocument(@Id String id, String eventId, String driverId, String customerId, String vendorId,
            Instant deliveredAt, int distanceMeters, long baseMinor, long distanceMinor, long tipMinor,
            long totalMinor, String currency) {

        static EarningDocument of(Earning earning) {
            return new EarningDocument(earning.orderId().toString(), earning.eventId().toString(),
                    earning.driverId().toString(), earning.customerId().toString(), earning.vendorId().toString(),
                    earning.deliveredAt(), earning.distanceMeters(), earning.baseMinor(), earning.distanceMinor(),
                    earning.tipMinor(), earning.totalMinor(), earning.currency());
        }
    }

    @Override
    public boolean record(Earning earning) {
        try {
            mongo.insert(EarningDocument.of(earning), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Totals> daily(UUID driverId, Instant from, Instant to) {
        return byPeriod(driverId, from, to, "%Y-%m-%d");
    }

    @Override
    public List<Totals> monthly(UUID driverId, Instant from, Instant to) {
        return byPeriod(driverId, from, to, "%Y-%m");
    }

    @Override
    public Totals lifetime(UUID driverId) {
        Aggregation aggregation = newAggregation(
                match(where("driverId").is(driverId.toString())),
                sums(group()));
        List<Document> rows = mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults();
        return rows.isEmpty() ? Totals.none("lifetime") : totals("lifetime", rows.getFirst());
    }

    private List<Totals> byPeriod(UUID driverId, Instant from, Instant to, String format) {
        Aggregation aggregation = newAggregation(
                match(inRange(driverId, from, to)),
                project("baseMinor", "distanceMinor", "tipMinor", "totalMinor")
                        .and(DateOperators.DateToString.dateOf("deliveredAt").toString(format)).as("period"),
                sums(group("period")),
                sort(Sort.Direction.ASC, "_id"));
        return mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults().stream()
                .map(row -> totals(String.valueOf(row.get("_id")), row))
                .toList();
    }

    private static Criteria inRange(UUID driverId, Instant from, Instant to) {
        return where("driverId").is(driverId.toString()).and("deliveredAt").gte(from).lt(to);
    }

    private static GroupOperation sums(GroupOperation group) {
        return group.count().as("deliveries")
                .sum("baseMinor").as("baseMinor")
                .sum("distanceMinor").as("distanceMinor")
                .sum("tipMinor").as("tipMinor")
                .sum("totalMinor").as("totalMinor");
    }

    private static Totals totals(String period, Document row) {
        return new Totals(period, number(row, "deliveries"), number(row, "baseMinor"), number(row, "distanceMinor"),
                number(row, "tipMinor"), number(row, "totalMinor"));
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
