package com.delivery.order.app;

import java.util.Optional;
import java.util.UUID;

/**
 * The read cache of orders. Every change evicts (after commit); a read fills it. An entry older than the newest
 * change is never written back (a slow reader that loaded before a change cannot resurrect the old state).
 * Failures of the cache are not failures of the read: implementations fall back to "not cached".
 */
public interface OrderCache {

    Optional<OrderView> get(UUID orderId);

    void put(OrderView view);

    /** The order changed and now has {@code version}: forget what is cached. */
    void evict(UUID orderId, long version);
}
