-- Orders as checked out: prices and fees come from the vendor's quote at checkout, in minor units.
CREATE TABLE orders (
    id                          UUID PRIMARY KEY,
    customer_id                 UUID         NOT NULL,
    vendor_id                   UUID         NOT NULL,
    -- the vendor's owner (a user id) as the quote named it: who may act for the vendor on this order
    vendor_owner_id             UUID         NOT NULL,
    vendor_name                 VARCHAR(200) NOT NULL,
    category                    VARCHAR(30)  NOT NULL,
    zone_id                     VARCHAR(100),
    status                      VARCHAR(30)  NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PLACED', 'CONFIRMED',
                                    'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP', 'DELIVERED', 'CANCELLED')),
    currency                    CHAR(3)      NOT NULL,
    subtotal_minor              BIGINT       NOT NULL CHECK (subtotal_minor >= 0),
    delivery_fee_minor          BIGINT       NOT NULL CHECK (delivery_fee_minor >= 0),
    platform_fee_minor          BIGINT       NOT NULL CHECK (platform_fee_minor >= 0),
    tip_minor                   BIGINT       NOT NULL CHECK (tip_minor >= 0),
    tax_minor                   BIGINT       NOT NULL CHECK (tax_minor >= 0),
    total_minor                 BIGINT       NOT NULL CHECK (total_minor >= 0),
    refunded_minor              BIGINT       NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    delivery_line1              VARCHAR(200) NOT NULL,
    delivery_city               VARCHAR(100) NOT NULL,
    delivery_postal_code        VARCHAR(20),
    delivery_lat                DOUBLE PRECISION NOT NULL CHECK (delivery_lat BETWEEN -90 AND 90),
    delivery_lng                DOUBLE PRECISION NOT NULL CHECK (delivery_lng BETWEEN -180 AND 180),
    vendor_lat                  DOUBLE PRECISION NOT NULL CHECK (vendor_lat BETWEEN -90 AND 90),
    vendor_lng                  DOUBLE PRECISION NOT NULL CHECK (vendor_lng BETWEEN -180 AND 180),
    distance_meters             INTEGER      NOT NULL CHECK (distance_meters >= 0),
    estimated_ready_minutes     INTEGER      NOT NULL CHECK (estimated_ready_minutes >= 0),
    estimated_delivery_minutes  INTEGER      NOT NULL CHECK (estimated_delivery_minutes >= 0),
    -- category rules: pharmacy prescription, grocery substitutions
    prescription_reference      VARCHAR(100),
    substitution_preference     VARCHAR(30),
    customer_note               VARCHAR(500),
    driver_id                   UUID,
    driver_name                 VARCHAR(120),
    vehicle_type                VARCHAR(30),
    idempotency_key             VARCHAR(200),
    request_hash                CHAR(64),
    created_at                  TIMESTAMPTZ  NOT NULL,
    updated_at                  TIMESTAMPTZ  NOT NULL,
    version                     BIGINT       NOT NULL DEFAULT 0
);
-- the same Idempotency-Key of the same customer always means the same order
CREATE UNIQUE INDEX orders_idempotency ON orders (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX orders_customer_created ON orders (customer_id, created_at DESC);
CREATE INDEX orders_vendor_created ON orders (vendor_id, created_at DESC);
CREATE INDEX orders_driver ON orders (driver_id) WHERE driver_id IS NOT NULL;
CREATE INDEX orders_created ON orders (created_at DESC);
CREATE INDEX orders_active_status ON orders (status) WHERE status NOT IN ('DELIVERED', 'CANCELLED');

CREATE TABLE order_items (
    id                     UUID PRIMARY KEY,
    order_id               UUID         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no                INTEGER      NOT NULL,
    menu_item_id           UUID         NOT NULL,
    name                   VARCHAR(200) NOT NULL,
    quantity               INTEGER      NOT NULL CHECK (quantity > 0),
    unit_price_minor       BIGINT       NOT NULL CHECK (unit_price_minor >= 0),
    line_total_minor       BIGINT       NOT NULL CHECK (line_total_minor >= 0),
    prescription_required  BOOLEAN      NOT NULL DEFAULT FALSE,
    substitution           VARCHAR(30),
    UNIQUE (order_id, line_no)
);

CREATE TABLE order_item_options (
    order_item_id      UUID         NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
    position           INTEGER      NOT NULL,
    option_id          UUID         NOT NULL,
    name               VARCHAR(200) NOT NULL,
    price_delta_minor  BIGINT       NOT NULL,
    PRIMARY KEY (order_item_id, position)
);

-- The order's timeline: every status move (from, to) and every other fact about it (driver assigned, refund, ...).
CREATE TABLE order_events (
    id           BIGSERIAL PRIMARY KEY,
    order_id     UUID         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    kind         VARCHAR(40)  NOT NULL,
    from_status  VARCHAR(30),
    to_status    VARCHAR(30),
    actor_id     UUID,
    actor_role   VARCHAR(20)  NOT NULL CHECK (actor_role IN ('CUSTOMER', 'VENDOR', 'DRIVER', 'ADMIN', 'SYSTEM')),
    reason       VARCHAR(500),
    occurred_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);
