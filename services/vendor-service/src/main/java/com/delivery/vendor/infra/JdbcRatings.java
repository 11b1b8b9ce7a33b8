package com.delivery.vendor.infra;

import com.delivery.vendor.domain.Ratings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRatings implements Ratings {

    private final JdbcTemplate jdbc;

    JdbcRatings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(UUID orderId, UUID vendorId, UUID customerId, int stars, String comment, Instant at) {
        return jdbc.update("""
                INSERT INTO vendor_ratings (order_id, vendor_id, customer_id, stars, comment, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""",
                orderId, vendorId, customerId, stars, comment, Timestamp.from(at)) == 1;
    }
}
