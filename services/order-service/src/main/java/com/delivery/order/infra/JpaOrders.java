package com.delivery.order.infra;

import com.delivery.order.domain.Order;
import com.delivery.order.domain.OrderFilter;
import com.delivery.order.domain.OrderStatus;
import com.delivery.order.domain.Orders;
import jakarta.persistence.criteria.Predicate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaOrders extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order>, Orders {

    @Override
    Optional<Order> findByCustomerIdAndIdempotencyKey(UUID customerId, String idempotencyKey);

    @Override
    boolean existsByVendorId(UUID vendorId);

    @Query("SELECT o.status, count(o) FROM CustomerOrder o WHERE o.status NOT IN :done GROUP BY o.status")
    List<Object[]> statusCounts(@Param("done") List<OrderStatus> done);

    @Query(value = "SELECT date_trunc('minute', created_at) AS minute, count(*) FROM orders "
            + "WHERE created_at >= :since GROUP BY 1 ORDER BY 1", nativeQuery = true)
    List<Object[]> minuteCounts(@Param("since") Instant since);

    @Override
    @Query(value = "(SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND created_at < :unpaidBefore "
            + "ORDER BY created_at LIMIT :limit) UNION ALL "
            + "(SELECT id FROM orders WHERE status = 'PLACED' AND placed_at < :unansweredBefore "
            + "ORDER BY placed_at LIMIT :limit)", nativeQuery = true)
    List<UUID> overdueCandidates(@Param("unpaidBefore") Instant unpaidBefore,
            @Param("unansweredBefore") Instant unansweredBefore, @Param("limit") int limit);

    @Override
    default Found search(OrderFilter filter, int page, int size) {
        Page<Order> found = findAll(matching(filter),
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return new Found(found.getContent(), found.getTotalElements());
    }

    @Override
    default long count(OrderFilter filter) {
        return count(matching(filter));
    }

    @Override
    default Map<OrderStatus, Long> countActiveByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        statusCounts(List.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED))
                .forEach(row -> counts.put((OrderStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    default Map<Instant, Long> createdPerMinuteSince(Instant since) {
        Map<Instant, Long> counts = new LinkedHashMap<>();
        minuteCounts(since).forEach(row -> counts.put(instant(row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected minute type " + value.getClass());
        };
    }

    private static Specification<Order> matching(OrderFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), filter.customerId()));
            }
            if (filter.vendorId() != null) {
                where.add(cb.equal(root.get("vendorId"), filter.vendorId()));
            }
            if (filter.vendorOwnerId() != null) {
                where.add(cb.equal(root.get("vendorOwnerId"), filter.vendorOwnerId()));
            }
            if (!filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (filter.category() != null && !filter.category().isBlank()) {
                where.add(cb.equal(root.get("category"), filter.category().trim().toUpperCase(java.util.Locale.ROOT)));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), filter.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
