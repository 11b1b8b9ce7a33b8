package com.delivery.driver.infra;

import com.delivery.driver.domain.DriverFacts;
import com.delivery.driver.domain.DriverFactsQuery;
import com.delivery.driver.domain.DriverStatus;
import com.delivery.driver.domain.VehicleType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** One query for profile, rating, deliveries and current work of many drivers (runs in the caller's transaction). */
@Component
class JdbcDriverFacts implements DriverFactsQuery {

    private static final String FACTS = """
            SELECT d.id, d.full_name, d.vehicle_type, d.status, d.online,
                   r.average, COALESCE(r.ratings, 0) AS ratings,
                   (SELECT count(*) FROM assignments a WHERE a.driver_id = d.id AND a.status = 'DELIVERED') AS deliveries,
                   EXISTS (SELECT 1 FROM assignments a WHERE a.driver_id = d.id AND a.status = 'ACTIVE') AS busy,
                   EXISTS (SELECT 1 FROM offers o WHERE o.driver_id = d.id AND o.status = 'PENDING') AS offer_pending
              FROM drivers d
              LEFT JOIN (SELECT driver_id, avg(stars) AS average, count(*) AS ratings
                           FROM driver_ratings WHERE driver_id IN (:ids) GROUP BY driver_id) r ON r.driver_id = d.id
             WHERE d.id IN (:ids)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    JdbcDriverFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DriverFacts> factsOf(Collection<UUID> driverIds) {
        if (driverIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(FACTS, Map.of("ids", driverIds), (rs, i) -> {
            Number average = (Number) rs.getObject("average");
            return new DriverFacts(rs.getObject("id", UUID.class), rs.getString("full_name"),
                    VehicleType.valueOf(rs.getString("vehicle_type")), DriverStatus.valueOf(rs.getString("status")),
                    rs.getBoolean("online"),
                    average == null ? null : Math.round(average.doubleValue() * 100) / 100.0,
                    rs.getLong("ratings"), rs.getLong("deliveries"), rs.getBoolean("busy"),
                    rs.getBoolean("offer_pending"));
        });
    }
}
