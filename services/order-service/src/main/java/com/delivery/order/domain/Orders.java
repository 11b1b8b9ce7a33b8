package com.delivery.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The orders store, as the use cases need it. */
public interface Orders {

    Order save(Order order);

    /** Saves and writes it now, so a duplicate idempotency key fails here rather than at commit. */
    Order saveAndFlush(Order order);

    Optional<Order> findById(UUID id);

    Optional<Order> findByCustomerIdAndIdempotencyKey(UUID customerId, String idempotencyKey);

    /** One page, newest first, with the total number of matches. */
    Found search(OrderFilter filter, int page, int size);

    record Found(List<Order> orders, long total) {
    }

    long count(OrderFilter filter);

    boolean existsByVendorId(UUID vendorId);

    Map<OrderStatus, Long> countActiveByStatus();

    /**
     * Ids of orders that may have missed a deadline: PENDING_PAYMENT created before {@code unpaidBefore}, PLACED
     * before {@code unansweredBefore}; at most {@code limit}, oldest first. The aggregate decides for each.
     */
    List<UUID> overdueCandidates(Instant unpaidBefore, Instant unansweredBefore, int limit);

    /** Orders created per minute since {@code since}; minutes without orders are absent. */
    Map<Instant, Long> createdPerMinuteSince(Instant since);
}
