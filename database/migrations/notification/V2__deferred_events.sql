-- Events that named a person the directory did not know yet (their user.registered had not arrived: the topics are
-- not ordered with each other). Replayed when the person's contact details arrive, so a customer who orders right
-- after signing up still gets the receipt.
CREATE TABLE deferred_events (
    event_id     uuid        NOT NULL,
    recipient_id uuid        NOT NULL,
    event_json   text        NOT NULL,
    deferred_at  timestamptz NOT NULL,
    PRIMARY KEY (event_id, recipient_id)
);
CREATE INDEX deferred_events_by_recipient ON deferred_events (recipient_id);
CREATE INDEX deferred_events_by_age ON deferred_events (deferred_at);
