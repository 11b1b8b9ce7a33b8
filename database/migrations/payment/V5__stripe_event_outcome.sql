-- What became of each Stripe event: APPLIED, or IGNORED with the reason (unhandled-type, foreign, intent-mismatch,
-- unknown-payment = it names a payment of ours that was never recorded, see PaymentWebhooks). Events recorded before
-- this migration have neither. An event answered with 503 is not recorded at all (Stripe delivers it again).
ALTER TABLE stripe_events ADD COLUMN outcome VARCHAR(20);
ALTER TABLE stripe_events ADD COLUMN ignored_reason VARCHAR(50);
-- when Stripe created the event (its `created`), which the unknown-payment window is measured from
ALTER TABLE stripe_events ADD COLUMN created_at TIMESTAMPTZ;
