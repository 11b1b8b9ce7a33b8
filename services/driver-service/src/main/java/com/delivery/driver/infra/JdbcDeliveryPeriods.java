package com.delivery.driver.infra;

import com.delivery.driver.app.DeliveryPeriods;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Assignments as periods, streamed with a fetch size (a cursor inside the caller's read-only transaction) so a long
 * range is never held in memory at once. {@code uuid} order in PostgreSQL is byte order, which is the order of the
 * lower-case canonical text.
 */
@Component
class JdbcDeliveryPeriods implements DeliveryPeriods {

    private static final String SQL = """
            SELECT driver_id, assigned_at, ended_at, status
              FROM assignments
             WHERE assigned_at < :to AND (ended_at IS NULL OR ended_at >= :from)
             ORDER BY driver_id, assigned_at
            """;

    private final NamedParameterJdbcTemplate jdbc;

    JdbcDeliveryPeriods(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    @Override
    public Stream<Period> overlapping(Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        return jdbc.queryForStream(SQL, params, (rs, n) -> {
            Timestamp ended = rs.getTimestamp("ended_at");
            return new Period(rs.getObject("driver_id", UUID.class), rs.getTimestamp("assigned_at").toInstant(),
                    ended == null ? null : ended.toInstant(), "DELIVERED".equals(rs.getString("status")));
        });
    }
}
