-- The catalog snapshot (vendor.catalog_updated) each vendor last published: +1 per snapshot, taken under the vendor's
-- row lock at the end of the transaction that changed what checkout depends on, so snapshots of one vendor are built
-- one after the other and a higher version always contains every change committed before it. The order service
-- keeps a snapshot only if its version is higher than the one it has. 0 = never published (vendors from before this
-- migration): the service's start-up backfill publishes those, in small batches.
ALTER TABLE vendors ADD COLUMN catalog_version BIGINT NOT NULL DEFAULT 0;

-- what the backfill looks for; empty once every vendor has published
CREATE INDEX vendors_catalog_unpublished ON vendors (id) WHERE catalog_version = 0;
