-- A stand-in for a service's own state: changed in the same transaction as the outbox row or the processed event.
CREATE TABLE notes (
    id        BIGSERIAL PRIMARY KEY,
    aggregate VARCHAR(100) NOT NULL,
    text      VARCHAR(200) NOT NULL
);
