package com.delivery.driver.infra;

import com.delivery.driver.domain.Rating;
import com.delivery.driver.domain.RatingSummary;
import com.delivery.driver.domain.Ratings;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JpaRatings extends JpaRepository<Rating, UUID>, Ratings {

    @Query("SELECT avg(r.stars), count(r) FROM Rating r WHERE r.driverId = :driverId")
    List<Object[]> averageAndCount(@Param("driverId") UUID driverId);

    @Override
    default RatingSummary summaryOf(UUID driverId) {
        List<Object[]> rows = averageAndCount(driverId);
        if (rows.isEmpty()) {
            return RatingSummary.of(null, 0);
        }
        Object[] row = rows.getFirst();
        return RatingSummary.of(row[0] == null ? null : ((Number) row[0]).doubleValue(),
                row[1] == null ? 0 : ((Number) row[1]).longValue());
    }
}
