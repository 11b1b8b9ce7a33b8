package com.delivery.vendor.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable list of vendors whose search documents lag behind PostgreSQL (table {@code search_sync}), one entry per
 * vendor. Written in the caller's transaction; the rules of what changes live in {@link PendingSearchSync}.
 */
public interface SearchSyncQueue {

    /** Adds the entry unless the vendor has one already; true if added. */
    boolean addIfAbsent(PendingSearchSync entry);

    /** The vendor's entry, row-locked until the transaction ends. */
    Optional<PendingSearchSync> lock(UUID vendorId);

    /**
     * Up to {@code limit} entries {@linkplain PendingSearchSync#isDueAt due} at {@code now}, oldest first, row-locked
     * until the transaction ends; entries another transaction holds are skipped, not waited for (several instances
     * share the queue).
     */
    List<PendingSearchSync> lockDue(Instant now, int limit);

    void save(PendingSearchSync entry);

    void delete(UUID vendorId);

    long count();
}
