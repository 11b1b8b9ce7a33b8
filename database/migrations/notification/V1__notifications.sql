-- Notification service: its own copy of who to reach (from user.* and vendor.registered events), what each order
-- looked like at checkout (for later messages), device tokens, preferences, and the log of every message and attempt.

-- Contact directory, fed by user.registered / user.updated; as_of keeps a late older event from overwriting a newer one.
CREATE TABLE contacts (
    user_id     UUID         PRIMARY KEY,
    email       VARCHAR(320) NOT NULL,
    phone       VARCHAR(32),
    full_name   VARCHAR(200) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    locale      VARCHAR(35)  NOT NULL,
    as_of       TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- vendor.registered: vendor-facing events carry the vendor id only; its owner is the user to reach.
CREATE TABLE vendor_owners (
    vendor_id      UUID         PRIMARY KEY,
    owner_user_id  UUID         NOT NULL,
    vendor_name    VARCHAR(200) NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX vendor_owners_owner ON vendor_owners (owner_user_id);

-- order.created as the customer saw it, so delivered / cancelled messages can repeat vendor, items and totals.
CREATE TABLE order_snapshots (
    order_id                 UUID         PRIMARY KEY,
    customer_id              UUID         NOT NULL,
    vendor_id                UUID         NOT NULL,
    vendor_name              VARCHAR(200) NOT NULL,
    currency                 CHAR(3)      NOT NULL,
    subtotal_minor           BIGINT       NOT NULL,
    delivery_fee_minor       BIGINT       NOT NULL,
    tip_minor                BIGINT       NOT NULL,
    tax_minor                BIGINT       NOT NULL,
    total_minor              BIGINT       NOT NULL,
    items                    TEXT         NOT NULL,
    estimated_ready_minutes  INT          NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL
);

-- FCM registration tokens. A token identifies one app install; registering it again moves it to the new user.
CREATE TABLE device_tokens (
    token          VARCHAR(4096) PRIMARY KEY,
    user_id        UUID          NOT NULL,
    platform       VARCHAR(10)   NOT NULL,
    registered_at  TIMESTAMPTZ   NOT NULL,
    last_seen_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX device_tokens_user ON device_tokens (user_id);

-- Only the choices a user made; everything else is the category's default.
CREATE TABLE preferences (
    user_id     UUID        NOT NULL,
    category    VARCHAR(40) NOT NULL,
    channel     VARCHAR(10) NOT NULL,
    enabled     BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, category, channel)
);

-- One row per message: an event, a recipient, a channel. The unique constraint is what makes a redelivered event
-- send nothing twice. The row is also the retry queue: PENDING rows whose next_attempt_at has come are claimed
-- (FOR UPDATE SKIP LOCKED) and leased while being sent.
CREATE TABLE notifications (
    id                   UUID          PRIMARY KEY,
    event_id             UUID          NOT NULL,
    event_type           VARCHAR(60)   NOT NULL,
    order_id             UUID,
    recipient_id         UUID          NOT NULL,
    audience             VARCHAR(20)   NOT NULL,
    channel              VARCHAR(10)   NOT NULL,
    category             VARCHAR(40)   NOT NULL,
    critical             BOOLEAN       NOT NULL,
    template             VARCHAR(80)   NOT NULL,
    locale               VARCHAR(35),
    destination          VARCHAR(320),
    subject              VARCHAR(300),
    body                 TEXT,
    status               VARCHAR(20)   NOT NULL,
    provider             VARCHAR(20),
    provider_message_id  VARCHAR(300),
    attempts             INT           NOT NULL DEFAULT 0,
    last_error           VARCHAR(1000),
    next_attempt_at      TIMESTAMPTZ,
    lease_until          TIMESTAMPTZ,
    fallback_for         UUID          REFERENCES notifications (id),
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    delivered_at         TIMESTAMPTZ,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT notifications_once_per_event_recipient_channel UNIQUE (event_id, recipient_id, channel)
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at DESC);
CREATE INDEX notifications_order ON notifications (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX notifications_event_type ON notifications (event_type, created_at DESC);

-- Every call to a provider (or to the local sink): what happened and what the provider said.
CREATE TABLE delivery_attempts (
    id                   BIGSERIAL     PRIMARY KEY,
    notification_id      UUID          NOT NULL REFERENCES notifications (id),
    attempt              INT           NOT NULL,
    channel              VARCHAR(10)   NOT NULL,
    provider             VARCHAR(20)   NOT NULL,
    destination          VARCHAR(4096),
    outcome              VARCHAR(20)   NOT NULL,
    provider_message_id  VARCHAR(300),
    http_status          INT,
    error                VARCHAR(1000),
    retry_after_ms       BIGINT,
    attempted_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX delivery_attempts_notification ON delivery_attempts (notification_id, id);
