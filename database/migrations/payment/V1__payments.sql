-- Payment service schema: payments (one per order), refunds, vendor payouts, connected accounts,
-- Stripe webhook deduplication and cancellations that arrived before their order.

-- A vendor's Stripe Connect (Express) account and the user who connected it.
CREATE TABLE connected_accounts (
    vendor_id            UUID         PRIMARY KEY,
    owner_user_id        UUID         NOT NULL,
    provider_account_id  VARCHAR(100) NOT NULL UNIQUE,
    charges_enabled      BOOLEAN      NOT NULL DEFAULT false,
    payouts_enabled      BOOLEAN      NOT NULL DEFAULT false,
    details_submitted    BOOLEAN      NOT NULL DEFAULT false,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0
);

-- One payment per order; the id is derived from the order id, so it doubles as Stripe's idempotency key.
CREATE TABLE payments (
    id                      UUID         PRIMARY KEY,
    order_id                UUID         NOT NULL UNIQUE,
    customer_id             UUID         NOT NULL,
    vendor_id               UUID         NOT NULL,
    currency                CHAR(3)      NOT NULL,
    amount_minor            BIGINT       NOT NULL CHECK (amount_minor >= 0),
    platform_fee_minor      BIGINT       NOT NULL CHECK (platform_fee_minor >= 0),
    application_fee_minor   BIGINT       NOT NULL CHECK (application_fee_minor >= 0),
    vendor_share_minor      BIGINT       NOT NULL CHECK (vendor_share_minor >= 0),
    destination_account_id  VARCHAR(100),
    status                  VARCHAR(30)  NOT NULL,
    provider_intent_id      VARCHAR(100) UNIQUE,
    provider_charge_id      VARCHAR(100),
    provider_transfer_id    VARCHAR(100),
    captured_minor          BIGINT       NOT NULL DEFAULT 0 CHECK (captured_minor >= 0),
    refunded_minor          BIGINT       NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    failure_code            VARCHAR(100),
    failure_reason          VARCHAR(500),
    correlation_id          VARCHAR(100),
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    captured_at             TIMESTAMPTZ,
    cancelled_at            TIMESTAMPTZ,
    version                 BIGINT       NOT NULL DEFAULT 0,
    CHECK (refunded_minor <= captured_minor),
    CHECK (application_fee_minor + vendor_share_minor = amount_minor)
);
CREATE INDEX payments_captured_at ON payments (captured_at) WHERE captured_at IS NOT NULL;
CREATE INDEX payments_charge ON payments (provider_charge_id) WHERE provider_charge_id IS NOT NULL;

CREATE TABLE refunds (
    id                  UUID         PRIMARY KEY,
    payment_id          UUID         NOT NULL REFERENCES payments (id),
    amount_minor        BIGINT       NOT NULL CHECK (amount_minor > 0),
    currency            CHAR(3)      NOT NULL,
    reason              VARCHAR(40)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    provider_refund_id  VARCHAR(100) UNIQUE,
    requested_by        UUID,
    created_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX refunds_payment ON refunds (payment_id, created_at);
CREATE INDEX refunds_created_at ON refunds (created_at);

-- The vendor's share of a delivered order; one per order.
CREATE TABLE payouts (
    id                  UUID         PRIMARY KEY,
    vendor_id           UUID         NOT NULL,
    order_id            UUID         NOT NULL UNIQUE,
    payment_id          UUID         NOT NULL REFERENCES payments (id),
    amount_minor        BIGINT       NOT NULL CHECK (amount_minor >= 0),
    currency            CHAR(3)      NOT NULL,
    status              VARCHAR(30)  NOT NULL,
    provider_reference  VARCHAR(100),
    created_at          TIMESTAMPTZ  NOT NULL,
    paid_at             TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX payouts_vendor ON payouts (vendor_id, created_at DESC);
CREATE INDEX payouts_payment ON payouts (payment_id);

-- Stripe event ids already applied: a redelivered webhook changes nothing.
CREATE TABLE stripe_events (
    event_id     VARCHAR(255) PRIMARY KEY,
    type         VARCHAR(100) NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- order.cancelled seen before order.created: the payment is then opened already cancelled, without an intent.
CREATE TABLE early_cancellations (
    order_id      UUID         PRIMARY KEY,
    reason        VARCHAR(100) NOT NULL,
    cancelled_at  TIMESTAMPTZ  NOT NULL
);
