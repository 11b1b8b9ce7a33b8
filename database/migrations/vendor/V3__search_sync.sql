-- Search index updates still to apply (issue 15): one row per vendor whose Elasticsearch documents lag behind these
-- tables. The row is written in the transaction of the change itself, so a committed change can never be lost to an
-- Elasticsearch outage; the sync worker deletes it once the index shows that change and retries it with a short
-- back-off until then. The rules are in domain.PendingSearchSync.
CREATE TABLE search_sync (
    vendor_id         UUID        PRIMARY KEY,
    -- menu items deleted since the index last showed the vendor (no longer in menu_items, so only known here)
    removed_item_ids  UUID[]      NOT NULL DEFAULT '{}',
    -- +1 per change: a sync that read an older state must not delete the row of a newer one
    version           BIGINT      NOT NULL CHECK (version > 0),
    failures          INT         NOT NULL DEFAULT 0 CHECK (failures >= 0),
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    -- the lease of the worker applying it (several instances share the queue); expires if that worker dies
    claimed_until     TIMESTAMPTZ,
    last_error        VARCHAR(500)
);
-- no foreign key to vendors on purpose: the row is written before the change is flushed, and must outlive a vendor

CREATE INDEX search_sync_due ON search_sync (next_attempt_at);
