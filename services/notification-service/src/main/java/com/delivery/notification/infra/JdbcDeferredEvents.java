package com.delivery.notification.infra;

import com.delivery.notification.domain.DeferredEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeferredEvents implements DeferredEvents {

    private final JdbcTemplate jdbc;

    JdbcDeferredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void defer(UUID eventId, UUID recipientId, String eventJson, Instant at) {
        jdbc.update("""
                INSERT INTO deferred_events (event_id, recipient_id, event_json, deferred_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id, recipient_id) DO NOTHING""", eventId, recipientId, eventJson, Timestamp.from(at));
    }

    @Override
    public List<String> takeFor(UUID recipientId, Instant since) {
        return jdbc.queryForList("""
                DELETE FROM deferred_events WHERE recipient_id = ?
                RETURNING event_json, deferred_at >= ? AS fresh, deferred_at""", recipientId, Timestamp.from(since))
                .stream()
                .filter(row -> Boolean.TRUE.equals(row.get("fresh")))
                .sorted((a, b) -> ((Timestamp) a.get("deferred_at")).compareTo((Timestamp) b.get("deferred_at")))
                .map(row -> (String) row.get("event_json"))
                .toList();
    }

    @Override
    public int forgetOlderThan(Instant before) {
        return jdbc.update("DELETE FROM deferred_events WHERE deferred_at < ?", Timestamp.from(before));
    }
}
