-- The PaymentIntent is created after the consumer's transaction commits, not inside it (no database connection is
-- held across a Stripe call): the transaction that decides it records the request, and the intent is attached by a
-- second, short one when Stripe answers. A request still open after a crash or a Stripe outage is found again by the
-- retry sweep and sent with the same idempotency key, so Stripe answers with the intent it already made.
ALTER TABLE payments ADD COLUMN intent_requested_at TIMESTAMPTZ;
ALTER TABLE payments ADD COLUMN intent_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN intent_next_attempt_at TIMESTAMPTZ;

-- the sweep's question: requested, still without an intent, due
CREATE INDEX payments_intent_requests_due ON payments (intent_next_attempt_at)
    WHERE status = 'AWAITING_STOCK' AND intent_requested_at IS NOT NULL;
