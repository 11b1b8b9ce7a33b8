-- Driver service (database `drivers`). Earnings and shifts live in MongoDB, online positions in Redis GEO.

-- One row per DRIVER user: id = the user's id (JWT subject). The vehicle is part of the profile.
CREATE TABLE drivers (
    id              UUID         PRIMARY KEY,
    full_name       VARCHAR(120) NOT NULL,
    phone           VARCHAR(20),
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    status_reason   VARCHAR(500),
    vehicle_type    VARCHAR(20)  NOT NULL CHECK (vehicle_type IN ('BICYCLE', 'SCOOTER', 'MOTORBIKE', 'CAR', 'VAN')),
    vehicle_plate   VARCHAR(20)  NOT NULL,
    vehicle_model   VARCHAR(80)  NOT NULL,
    online          BOOLEAN      NOT NULL DEFAULT false,
    online_since    TIMESTAMPTZ,
    reviewed_by     UUID,
    reviewed_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (NOT online OR online_since IS NOT NULL)
);
CREATE INDEX drivers_by_status ON drivers (status, created_at);

-- Licence, insurance and identity document of a driver: at most one of each type.
CREATE TABLE driver_documents (
    driver_id   UUID        NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    type        VARCHAR(20) NOT NULL CHECK (type IN ('LICENCE', 'INSURANCE', 'IDENTITY')),
    number      VARCHAR(60) NOT NULL,
    expires_on  DATE        NOT NULL,
    PRIMARY KEY (driver_id, type)
);

-- Matching of one confirmed order. A row in status CANCELLED without pickup is the tombstone of an order whose
-- cancellation arrived before its confirmation (no ordering across topics), so matching never starts for it.
CREATE TABLE matching_jobs (
    order_id        UUID         PRIMARY KEY,
    customer_id     UUID         NOT NULL,
    vendor_id       UUID         NOT NULL,
    vendor_name     VARCHAR(200),
    pickup_lat      DOUBLE PRECISION,
    pickup_lng      DOUBLE PRECISION,
    dropoff_lat     DOUBLE PRECISION,
    dropoff_lng     DOUBLE PRECISION,
    status          VARCHAR(20)  NOT NULL
        CHECK (status IN ('SEARCHING', 'OFFERED', 'ASSIGNED', 'UNAVAILABLE', 'CANCELLED')),
    radius_step     INT          NOT NULL DEFAULT 0,
    offers_made     INT          NOT NULL DEFAULT 0,
    driver_id       UUID,
    started_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    correlation_id  VARCHAR(100),
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX matching_jobs_due ON matching_jobs (next_attempt_at) WHERE status IN ('SEARCHING', 'OFFERED');

-- Offers of an order to drivers. The partial unique indexes are the last line of defence of the matching rules
-- (the use cases also serialise per driver with a row lock): a driver holds at most one pending offer, an order
-- is pending with at most one driver, and no driver is asked twice for the same order.
CREATE TABLE offers (
    id               UUID        PRIMARY KEY,
    order_id         UUID        NOT NULL REFERENCES matching_jobs (order_id),
    driver_id        UUID        NOT NULL REFERENCES drivers (id),
    status           VARCHAR(20) NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    distance_meters  INT         NOT NULL,
    offered_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    responded_at     TIMESTAMPTZ,
    version          BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (order_id, driver_id)
);
CREATE UNIQUE INDEX offers_one_pending_per_driver ON offers (driver_id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX offers_one_pending_per_order ON offers (order_id) WHERE status = 'PENDING';
CREATE INDEX offers_by_driver ON offers (driver_id, status);

-- Who delivers which order. order_id as key: an order never has two drivers. The partial unique index: a driver
-- never has two active orders. Rows also come from order.delivered for orders assigned before this table knew
-- them, hence no foreign key to drivers.
CREATE TABLE assignments (
    order_id     UUID        PRIMARY KEY,
    driver_id    UUID        NOT NULL,
    customer_id  UUID        NOT NULL,
    vendor_id    UUID        NOT NULL,
    status       VARCHAR(20) NOT NULL CHECK (status IN ('ACTIVE', 'DELIVERED', 'CANCELLED')),
    assigned_at  TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    version      BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX assignments_one_active_per_driver ON assignments (driver_id) WHERE status = 'ACTIVE';
CREATE INDEX assignments_by_driver ON assignments (driver_id, status);

-- A customer's rating of the driver who delivered their order: one per order.
CREATE TABLE driver_ratings (
    order_id     UUID         PRIMARY KEY,
    driver_id    UUID         NOT NULL,
    customer_id  UUID         NOT NULL,
    stars        SMALLINT     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment      VARCHAR(500),
    created_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX driver_ratings_by_driver ON driver_ratings (driver_id);
