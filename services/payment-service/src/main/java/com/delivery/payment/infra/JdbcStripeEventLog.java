package com.delivery.payment.infra;

import com.delivery.payment.app.StripeEventLog;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcStripeEventLog implements StripeEventLog {

    private final JdbcTemplate jdbc;

    JdbcStripeEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordFirstDelivery(String eventId, String type, Instant created) {
        return jdbc.update("INSERT INTO stripe_events (event_id, type, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", eventId, type, created == null ? null : Timestamp.from(created)) == 1;
    }

    @Override
    public void recordOutcome(String eventId, String outcome, String ignoredReason) {
        jdbc.update("UPDATE stripe_events SET outcome = ?, ignored_reason = ? WHERE event_id = ?", outcome,
                ignoredReason, eventId);
    }
}
