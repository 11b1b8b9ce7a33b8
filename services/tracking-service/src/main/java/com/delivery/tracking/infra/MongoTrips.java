package com.delivery.tracking.infra;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.delivery.tracking.domain.Position;
import com.delivery.tracking.domain.Trip;
import com.delivery.tracking.domain.Trips;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The trip registry in MongoDB. Each event is one upsert creating the trip with its parties, then one conditional
 * update for what the event changes; neither needs a transaction, and replaying either changes nothing.
 */
@Repository
class MongoTrips implements Trips {

    private final MongoTemplate mongo;

    MongoTrips(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Trip> find(UUID orderId) {
        return Optional.ofNullable(mongo.findById(orderId.toString(), TripDocument.class)).map(MongoTrips::toTrip);
    }

    @Override
    public Optional<Trip> activeTripOf(UUID driverId) {
        Query active = query(where("driverId").is(driverId.toString()).and("endedAt").exists(false))
                .with(Sort.by(Sort.Direction.DESC, "assignmentAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(active, TripDocument.class)).map(MongoTrips::toTrip);
    }

    @Override
    public void assigned(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, String driverName,
            String vehicleType, Instant at) {
        upsertParties(orderId, customerId, vendorId);
        mongo.updateFirst(query(notOlderAssignment(orderId, at)), new Update()
                .set("driverId", driverId.toString())
                .set("assignmentAt", millis(at)), TripDocument.class);
        // the details of the assignment belong to its driver, also when a later event (pickup) named them first
        mongo.updateFirst(query(where("_id").is(orderId.toString()).and("driverId").is(driverId.toString())),
                new Update()
                        .set("driverName", driverName)
                        .set("vehicleType", vehicleType)
                        .set("assignedAt", millis(at)), TripDocument.class);
    }

    @Override
    public void pickedUp(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, Position destination,
            Instant at) {
        upsertParties(orderId, customerId, vendorId);
        mongo.updateFirst(query(where("_id").is(orderId.toString())), new Update()
                .set("destinationLat", destination.lat())
                .set("destinationLng", destination.lng()), TripDocument.class);
        mongo.updateFirst(query(where("_id").is(orderId.toString()).and("pickedUpAt").exists(false)),
                new Update().set("pickedUpAt", millis(at)), TripDocument.class);
        // the driver who picked it up is the assigned one, unless a later assignment says otherwise
        mongo.updateFirst(query(notOlderAssignment(orderId, at)), new Update()
                .set("driverId", driverId.toString())
                .set("assignmentAt", millis(at)), TripDocument.class);
    }

    @Override
    public void driverWithdrew(UUID orderId, UUID customerId, UUID vendorId, UUID driverId, Instant at) {
        upsertParties(orderId, customerId, vendorId);
        mongo.updateFirst(query(notOlderAssignment(orderId, at).and("driverId").is(driverId.toString())),
                new Update().unset("driverId").set("assignmentAt", millis(at)), TripDocument.class);
    }

    @Override
    public void ended(UUID orderId, UUID customerId, UUID vendorId, String reason, Instant at) {
        upsertParties(orderId, customerId, vendorId);
        mongo.updateFirst(query(where("_id").is(orderId.toString()).and("endedAt").exists(false)),
                new Update().set("endedAt", millis(at)).set("endReason", reason), TripDocument.class);
    }

    private void upsertParties(UUID orderId, UUID customerId, UUID vendorId) {
        mongo.upsert(query(where("_id").is(orderId.toString())), new Update()
                .set("customerId", customerId.toString())
                .set("vendorId", vendorId.toString()), TripDocument.class);
    }

    /** The trip, if no event later than {@code at} has set or cleared its driver. */
    private static Criteria notOlderAssignment(UUID orderId, Instant at) {
        return where("_id").is(orderId.toString()).orOperator(where("assignmentAt").exists(false),
                where("assignmentAt").lte(millis(at)));
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Trip toTrip(TripDocument doc) {
        Position destination = doc.destinationLat() == null || doc.destinationLng() == null ? null
                : new Position(doc.destinationLat(), doc.destinationLng());
        return new Trip(UUID.fromString(doc.orderId()), uuid(doc.customerId()), uuid(doc.vendorId()),
                uuid(doc.driverId()), doc.driverName(), doc.vehicleType(), destination, doc.assignedAt(),
                doc.pickedUpAt(), doc.endedAt(), doc.endReason());
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
