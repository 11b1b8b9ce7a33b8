-- The placement saga: an order becomes PLACED only when the vendor holds its stock AND the payment went through,
-- in whichever order the two events arrive. A cancelled order keeps its machine-readable reason and the words the
-- customer reads. placed_at starts the vendor's time to answer.
ALTER TABLE orders
    ADD COLUMN stock_held_at     TIMESTAMPTZ,
    ADD COLUMN paid_at           TIMESTAMPTZ,
    ADD COLUMN payment_reference VARCHAR(100),
    ADD COLUMN placed_at         TIMESTAMPTZ,
    ADD COLUMN cancel_reason     VARCHAR(40),
    ADD COLUMN cancel_detail     VARCHAR(500);

-- what the deadline sweep looks for: unpaid orders by age, placed orders by how long the vendor has had them
CREATE INDEX orders_awaiting_payment ON orders (created_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_awaiting_vendor ON orders (placed_at) WHERE status = 'PLACED';
