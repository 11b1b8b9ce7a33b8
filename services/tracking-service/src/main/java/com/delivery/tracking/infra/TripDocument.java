package com.delivery.tracking.infra;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A trip in MongoDB ({@code trips}, {@code _id} = order id). Ids are stored as strings (readable, and the same on
 * every driver and server). {@code assignmentAt} is the time of the event that last set or cleared the driver, so
 * assignment changes apply in event order whatever order they are consumed in.
 */
@Document(TripDocument.COLLECTION)
record TripDocument(
        @Id String orderId,
        String customerId,
        String vendorId,
        String driverId,
        String driverName,
        String vehicleType,
        Double destinationLat,
        Double destinationLng,
        Instant assignedAt,
        Instant assignmentAt,
        Instant pickedUpAt,
        Instant endedAt,
        String endReason) {

    static final String COLLECTION = "trips";
}
