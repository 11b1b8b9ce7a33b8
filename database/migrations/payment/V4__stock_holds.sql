-- The PaymentIntent of an order is created only once the vendor holds its stock (inventory.reserved) and the order
-- is known (order.created), whichever comes first; until then the payment is AWAITING_STOCK, without an intent.

-- inventory.reserved seen before order.created: the intent is then created as soon as the payment opens.
CREATE TABLE stock_holds (
    order_id   UUID         PRIMARY KEY,
    vendor_id  UUID         NOT NULL,
    held_at    TIMESTAMPTZ  NOT NULL
);

-- Kept so an intent created later (on inventory.reserved) carries the same description as one created on
-- order.created; null on payments opened before.
ALTER TABLE payments ADD COLUMN vendor_name VARCHAR(200);

-- Why the order was cancelled (OUT_OF_STOCK, CUSTOMER_REQUEST, ...), to tell the customer why nothing is charged.
ALTER TABLE payments ADD COLUMN cancel_reason VARCHAR(100);
