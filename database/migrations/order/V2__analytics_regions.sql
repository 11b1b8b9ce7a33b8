-- Admin analytics (issue #9).

-- The vendor's city as the vendor service's quote named it at checkout ("region = the vendor's city").
-- NULL for orders placed before this column existed and while the quote does not carry the city.
ALTER TABLE orders ADD COLUMN vendor_city VARCHAR(100);

-- Named regions drawn by admins: an order belongs to every region whose polygon covers its vendor's pickup point.
-- PostGIS is enabled in the orders database by scripts/infra.sh and database/init (already there: no-op).
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE regions (
    id          UUID PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    -- WGS84 longitude/latitude, one outer ring; valid (ST_IsValid) by construction
    boundary    geometry(Polygon, 4326)  NOT NULL CHECK (ST_IsValid(boundary)),
    created_at  TIMESTAMPTZ              NOT NULL
);
CREATE UNIQUE INDEX regions_name ON regions (lower(name));
CREATE INDEX regions_boundary ON regions USING GIST (boundary);

-- The analytics read the timeline's status moves of an order (placed -> delivered).
CREATE INDEX order_events_status_moves ON order_events (order_id, to_status) WHERE kind = 'STATUS_CHANGED';
