-- Indexes the service-kit's pruner (com.delivery.kit.pruning.RetentionPruner) deletes by, oldest first, in
-- bounded batches. Without them every batch would scan the whole table.
--
-- Repeatable, not versioned: the common migrations share each service's schema history with the service's own
-- V1, V2, ... A new common V0_2 would sort below versions those databases have already applied, and Flyway would
-- refuse to start them ("resolved migration not applied"). A repeatable migration runs after the versioned ones,
-- once, and again only if this file changes, so every statement here must stay idempotent.
--
-- Plain CREATE INDEX (inside Flyway's transaction), not CONCURRENTLY: CONCURRENTLY waits for every other open
-- transaction, Flyway's own lock and the other replicas queued on it included, and hangs or deadlocks. The build
-- blocks writes to the table while it runs: about a second per million rows (docs/RUNBOOK.md "Pruning").

-- published rows only: the relay's pending rows have their own index (outbox_pending)
CREATE INDEX IF NOT EXISTS outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

CREATE INDEX IF NOT EXISTS processed_events_processed_at ON processed_events (processed_at);
