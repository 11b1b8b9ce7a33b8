package com.delivery.tracking.infra;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.delivery.tracking.app.VendorOwners;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@code vendor_owners}: {@code _id} = vendor id, {@code ownerUserId}; upserted from {@code vendor.registered}. */
@Repository
class MongoVendorOwners implements VendorOwners {

    static final String COLLECTION = "vendor_owners";

    private final MongoTemplate mongo;

    MongoVendorOwners(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(UUID vendorId, UUID ownerUserId) {
        mongo.upsert(query(where("_id").is(vendorId.toString())), new Update().set("ownerUserId", ownerUserId.toString()),
                COLLECTION);
    }

    @Override
    public Optional<UUID> ownerOf(UUID vendorId) {
        Document doc = mongo.findById(vendorId.toString(), Document.class, COLLECTION);
        return doc == null || doc.getString("ownerUserId") == null ? Optional.empty()
                : Optional.of(UUID.fromString(doc.getString("ownerUserId")));
    }
}
