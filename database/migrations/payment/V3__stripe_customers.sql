-- The Stripe Customer of each paying user, created once on the first POST /api/v1/payments/methods: saved cards
-- (SetupIntents, attached payment methods) hang off it.
CREATE TABLE stripe_customers (
    user_id               UUID        PRIMARY KEY,
    provider_customer_id  TEXT        NOT NULL UNIQUE,
    created_at            TIMESTAMPTZ NOT NULL
);
