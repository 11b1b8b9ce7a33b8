-- The replica of the vendors' catalogs checkout prices from: the newest vendor.catalog_updated snapshot per vendor
-- (the event's payload as JSON). A snapshot replaces the stored one only when its version is higher, so a late or
-- redelivered older snapshot changes nothing. updated_at: when this service stored the row.
CREATE TABLE vendor_catalogs (
    vendor_id  UUID PRIMARY KEY,
    version    BIGINT      NOT NULL CHECK (version > 0),
    snapshot   JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
