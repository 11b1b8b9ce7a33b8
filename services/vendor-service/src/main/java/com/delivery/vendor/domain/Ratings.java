package com.delivery.vendor.domain;

import java.time.Instant;
import java.util.UUID;

/** Customer ratings, one per delivered order. */
public interface Ratings {

    /** False when that order was rated already. */
    boolean add(UUID orderId, UUID vendorId, UUID customerId, int stars, String comment, Instant at);
}
