-- Who owns each vendor, from vendor.registered: the only vendor user who may connect its payout account and read
-- its payouts.
CREATE TABLE vendor_owners (
    vendor_id      UUID        PRIMARY KEY,
    owner_user_id  UUID        NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL
);
