package com.delivery.vendor.infra;

import com.delivery.vendor.domain.Vendor;
import com.delivery.vendor.domain.VendorStatus;
import com.delivery.vendor.domain.Vendors;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaVendors extends JpaRepository<Vendor, UUID>, Vendors {

    String SEARCH = """
            FROM Vendor v WHERE (:query IS NULL OR lower(v.name) LIKE lower(concat('%', cast(:query as string), '%'))
                                   OR lower(v.city) LIKE lower(concat('%', cast(:query as string), '%')))
              AND (:status IS NULL OR v.status = :status)
            """;

    @Override
    @Query("SELECT v FROM Vendor v WHERE v.ownerUserId = :owner ORDER BY v.createdAt")
    List<Vendor> findByOwner(@Param("owner") UUID ownerUserId);

    @Query("SELECT v " + SEARCH + " ORDER BY v.createdAt, v.id")
    List<Vendor> searchPage(@Param("query") String query, @Param("status") VendorStatus status, Pageable page);

    @Override
    @Query("SELECT count(v) " + SEARCH)
    long count(@Param("query") String query, @Param("status") VendorStatus status);

    @Query("SELECT v.status, count(v) FROM Vendor v GROUP BY v.status")
    List<Object[]> statusCounts();

    @Override
    @Query("SELECT v.id FROM Vendor v WHERE v.status = :status ORDER BY v.id")
    List<UUID> idsWithStatus(@Param("status") VendorStatus status);

    @Override
    default List<Vendor> search(String query, VendorStatus status, int page, int size) {
        return searchPage(query, status, PageRequest.of(page, size));
    }

    @Override
    default Map<VendorStatus, Long> countByStatus() {
        Map<VendorStatus, Long> counts = new EnumMap<>(VendorStatus.class);
        for (VendorStatus status : VendorStatus.values()) {
            counts.put(status, 0L);
        }
        statusCounts().forEach(row -> counts.put((VendorStatus) row[0], (Long) row[1]));
        return counts;
    }
}
