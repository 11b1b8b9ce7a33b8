package com.delivery.payment.app;

import java.util.UUID;

/**
 * Serializes the work on one order (or vendor) across listener threads and instances: {@code order.created},
 * {@code inventory.reserved} and {@code order.cancelled} arrive on different topics, so Kafka does not order them (and
 * only one of the first two may create the order's intent). Held until the transaction ends.
 */
public interface AdvisoryLocks {

    void lock(UUID id);
}
