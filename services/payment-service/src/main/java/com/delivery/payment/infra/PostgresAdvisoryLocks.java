package com.delivery.payment.infra;

import com.delivery.payment.app.AdvisoryLocks;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A PostgreSQL transaction-scoped advisory lock keyed by the id's 64 bits. */
@Component
class PostgresAdvisoryLocks implements AdvisoryLocks {

    private final JdbcTemplate jdbc;

    PostgresAdvisoryLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID id) {
        long key = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, key);
    }
}
