package com.delivery.vendor.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stock levels. Every write is a conditional row update, so stock never goes below zero under concurrency. */
public interface Inventory {

    Optional<StockLevel> find(UUID menuItemId);

    Map<UUID, StockLevel> findAll(Collection<UUID> menuItemIds);

    List<StockLevel> findByVendor(UUID vendorId);

    /** Row-locks the tracked items among {@code menuItemIds} until the transaction ends, in id order (no deadlocks). */
    Map<UUID, StockLevel> lock(Collection<UUID> menuItemIds);

    /** Creates or overwrites the available count and threshold; {@code reserved} and {@code sold} are kept. */
    StockLevel set(UUID menuItemId, UUID vendorId, int available, int lowStockThreshold);

    /** Moves {@code quantity} from available to reserved if that much is available; false (and nothing done) if not. */
    boolean reserve(UUID menuItemId, int quantity);

    /** The reserved units left the shop with a confirmed order: moves them from reserved to sold. */
    void commit(UUID menuItemId, int quantity);

    /**
     * Puts units back to available: from sold if they were committed, else from reserved. Never moves more than the
     * source holds (it can hold less only if the item was untracked and tracked again meanwhile).
     */
    void release(UUID menuItemId, int quantity, boolean wasCommitted);

    void untrack(UUID menuItemId);
}
