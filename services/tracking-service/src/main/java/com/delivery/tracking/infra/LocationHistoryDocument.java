package com.delivery.tracking.infra;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One fix in {@code location_history}: {@code point} is GeoJSON ({@code [lng, lat]}) under a 2dsphere index, so
 * a real MongoDB can answer geo questions about past trips; {@code ts} is the device time the route is ordered by,
 * {@code receivedAt} drives the retention TTL.
 */
@Document(LocationHistoryDocument.COLLECTION)
record LocationHistoryDocument(
        @Id String id,
        String driverId,
        String orderId,
        GeoJsonPoint point,
        Double heading,
        Double speed,
        Double accuracy,
        Instant ts,
        Instant receivedAt) {

    static final String COLLECTION = "location_history";
}
