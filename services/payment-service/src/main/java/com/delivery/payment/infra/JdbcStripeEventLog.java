package com.delivery.payment.infra;

import com.delivery.payment.app.StripeEventLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcStripeEventLog implements StripeEventLog {

    private final JdbcTemplate jdbc;

    JdbcStripeEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordFirstDelivery(String eventId, String type) {
        return jdbc.update("INSERT INTO stripe_events (event_id, type) VALUES (?, ?) ON CONFLICT DO NOTHING",
                eventId, type) == 1;
    }
}
