-- Vendor service schema: vendors, hours, delivery zones (PostGIS), menus, inventory, stock reservations,
-- analytics facts from order events, ratings. Money is always integer minor units plus the vendor's currency.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE vendors (
    id              UUID PRIMARY KEY,
    owner_user_id   UUID         NOT NULL,
    name            VARCHAR(120) NOT NULL,
    category        VARCHAR(30)  NOT NULL,
    cuisines        TEXT[]       NOT NULL DEFAULT '{}',
    description     VARCHAR(2000),
    address_line    VARCHAR(200) NOT NULL,
    city            VARCHAR(100) NOT NULL,
    postal_code     VARCHAR(20),
    lat             DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng             DOUBLE PRECISION NOT NULL CHECK (lng BETWEEN -180 AND 180),
    phone           VARCHAR(20),
    image_urls      TEXT[]       NOT NULL DEFAULT '{}',
    price_level     SMALLINT     NOT NULL CHECK (price_level BETWEEN 1 AND 4),
    prep_minutes    INT          NOT NULL CHECK (prep_minutes >= 0),
    currency        CHAR(3)      NOT NULL,
    time_zone       VARCHAR(60)  NOT NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SUSPENDED', 'CLOSED')),
    status_reason   VARCHAR(500),
    rating_average  DOUBLE PRECISION NOT NULL DEFAULT 0,
    rating_count    INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX vendors_owner ON vendors (owner_user_id);
CREATE INDEX vendors_status ON vendors (status, created_at);

-- Weekly schedule in the vendor's time zone; closes <= opens means the window ends the next day.
CREATE TABLE vendor_hours (
    vendor_id    UUID        NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    day_of_week  VARCHAR(10) NOT NULL,
    opens        TIME        NOT NULL,
    closes       TIME        NOT NULL
);
CREATE INDEX vendor_hours_vendor ON vendor_hours (vendor_id);

-- Whole local days (from..to inclusive) on which the vendor is closed whatever the weekly schedule says.
CREATE TABLE vendor_closures (
    vendor_id  UUID NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    from_date  DATE NOT NULL,
    to_date    DATE NOT NULL CHECK (to_date >= from_date),
    reason     VARCHAR(200)
);
CREATE INDEX vendor_closures_vendor ON vendor_closures (vendor_id);

CREATE TABLE delivery_zones (
    id                   UUID PRIMARY KEY,
    vendor_id            UUID         NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    name                 VARCHAR(80)  NOT NULL,
    area                 geometry(Polygon, 4326) NOT NULL CHECK (ST_IsValid(area)),
    minimum_order_minor  BIGINT       NOT NULL CHECK (minimum_order_minor >= 0),
    delivery_fee_minor   BIGINT       NOT NULL CHECK (delivery_fee_minor >= 0),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX delivery_zones_vendor ON delivery_zones (vendor_id);
CREATE INDEX delivery_zones_area ON delivery_zones USING GIST (area);

CREATE TABLE menu_items (
    id                     UUID PRIMARY KEY,
    vendor_id              UUID         NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    section                VARCHAR(80)  NOT NULL,
    position               INT          NOT NULL DEFAULT 0,
    name                   VARCHAR(120) NOT NULL,
    description            VARCHAR(1000),
    price_minor            BIGINT       NOT NULL CHECK (price_minor >= 0),
    available              BOOLEAN      NOT NULL DEFAULT TRUE,
    image_url              VARCHAR(500),
    prep_minutes           INT CHECK (prep_minutes >= 0),
    dietary_tags           TEXT[]       NOT NULL DEFAULT '{}',
    unit                   VARCHAR(20),
    weight_grams           INT CHECK (weight_grams >= 0),
    barcode                VARCHAR(40),
    prescription_required  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX menu_items_vendor ON menu_items (vendor_id, section, position);

CREATE TABLE menu_item_options (
    id                 UUID PRIMARY KEY,
    menu_item_id       UUID         NOT NULL REFERENCES menu_items (id) ON DELETE CASCADE,
    option_group       VARCHAR(60)  NOT NULL,
    name               VARCHAR(80)  NOT NULL,
    price_delta_minor  BIGINT       NOT NULL CHECK (price_delta_minor >= 0),
    position           INT          NOT NULL DEFAULT 0
);
CREATE INDEX menu_item_options_item ON menu_item_options (menu_item_id);

-- Stock of tracked items: `available` can be ordered now, `reserved` is held for orders not yet confirmed.
CREATE TABLE inventory (
    menu_item_id         UUID PRIMARY KEY REFERENCES menu_items (id) ON DELETE CASCADE,
    vendor_id            UUID        NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    available            INT         NOT NULL CHECK (available >= 0),
    reserved             INT         NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_stock_threshold  INT         NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX inventory_vendor ON inventory (vendor_id);

-- Where one order's stock stands; also a tombstone when order.cancelled arrives before order.created.
CREATE TABLE order_stock (
    order_id    UUID PRIMARY KEY,
    vendor_id   UUID        NOT NULL,
    state       VARCHAR(20) NOT NULL CHECK (state IN ('RESERVED', 'REJECTED', 'COMMITTED', 'RELEASED', 'CANCELLED', 'CONFIRM_SEEN')),
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE order_stock_lines (
    order_id      UUID NOT NULL REFERENCES order_stock (order_id) ON DELETE CASCADE,
    menu_item_id  UUID NOT NULL,
    quantity      INT  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, menu_item_id)
);

-- Analytics facts, one row per order as learnt from order.created / order.delivered / order.cancelled.
CREATE TABLE order_facts (
    order_id        UUID PRIMARY KEY,
    vendor_id       UUID        NOT NULL,
    customer_id     UUID        NOT NULL,
    status          VARCHAR(20) NOT NULL CHECK (status IN ('CREATED', 'DELIVERED', 'CANCELLED')),
    subtotal_minor  BIGINT,
    currency        CHAR(3),
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    has_lines       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX order_facts_vendor_created ON order_facts (vendor_id, created_at);

CREATE TABLE order_fact_lines (
    order_id          UUID         NOT NULL REFERENCES order_facts (order_id) ON DELETE CASCADE,
    line_no           INT          NOT NULL,
    menu_item_id      UUID         NOT NULL,
    name              VARCHAR(200) NOT NULL,
    quantity          INT          NOT NULL,
    line_total_minor  BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- One rating per delivered order, by its customer.
CREATE TABLE vendor_ratings (
    order_id     UUID PRIMARY KEY,
    vendor_id    UUID        NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    customer_id  UUID        NOT NULL,
    stars        SMALLINT    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment      VARCHAR(1000),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX vendor_ratings_vendor ON vendor_ratings (vendor_id);
