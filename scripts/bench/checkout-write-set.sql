-- The write set of one checkout, for pgbench (scripts/bench.sh order runs it against orders_bench before the HTTP
-- benchmark; see docs/PERFORMANCE.md "Order placement"). One script run = one order; pgbench's tx/s = checkouts/s
-- that PostgreSQL alone sustains with the project's schema and indexes (database/migrations/common + order).
--
-- 1. The checkout transaction, statement by statement as order-service sends it (OrderPlacement: saveAndFlush of the
--    Order with its items and timeline entry, then OutboxWriter.append), every column Hibernate binds, NULLs included:
--    the orders row (PENDING_PAYMENT, a fresh random UUID, a customer from a pool of 32 as the benchmark has, a random
--    Idempotency-Key and a 64-hex request hash, so orders_idempotency and every other index of orders is maintained),
--    two order_items rows (no order_item_options rows: the benchmark's items have no options), the CREATED timeline
--    row (order_events, IDENTITY: RETURNING id) and the order.created outbox row, its JSON shaped and sized as
--    EventCodec writes it for two lines (~1.05 KB; the real ones in a local orders database: 0.9-1.1 KB).
-- 2. As the outbox relay does after Kafka acknowledged: the row marked published, in a transaction of its own
--    (OutboxRelay.markPublished, the same statement). The relay also takes its advisory lock and reads the pending
--    rows in that transaction; both are left out (one lock and one read per batch of up to 100 rows, and pgbench
--    clients taking the one relay lock would only queue on it). Two commits per order, as the service makes at the
--    loads measured (the relay, woken after every checkout commit, publishes batches of about one row).
-- Left out: the reads before the transaction (idempotency lookup) and the UUIDs/JSON being built client-side (here
-- gen_random_uuid() and format() on the server: microseconds). pgbench replaces a colon followed by a letter even
-- inside quotes, hence the split to_char pattern.
--
-- Every row carries the marker vendor_id 00000000-0000-0000-0000-00000000ce11 (outbox rows: aggregate_id = the
-- marked order's id); bench.sh deletes them after the run. While pgbench runs, bench.sh holds the relay's advisory
-- lock, so the running bench order-service never publishes these rows to Kafka between the two transactions.

\set customer random(1, 32)
\set item1 random(1, 6)
\set item2 1 + :item1 % 6
\set qty1 random(1, 2)
\set qty2 random(1, 2)
\set price1 350 + 100 * :item1
\set price2 350 + 100 * :item2
\set total1 :qty1 * :price1
\set total2 :qty2 * :price2
\set subtotal :total1 + :total2
\set platform_fee (:subtotal + 5) / 10
\set total :subtotal + 299 + 100
\set street random(0, 499)
\set lat 52.52 + (random(0, 1000000) / 1000000.0 - 0.5) * 0.05
\set lng 13.405 + (random(0, 1000000) / 1000000.0 - 0.5) * 0.08
\set distance random(400, 4000)
\set delivery_minutes 20 + :distance / 250 + 5

BEGIN;
INSERT INTO orders (id, customer_id, vendor_id, vendor_owner_id, vendor_name, category, zone_id, status, currency,
    subtotal_minor, delivery_fee_minor, platform_fee_minor, tip_minor, tax_minor, total_minor, refunded_minor,
    delivery_line1, delivery_city, delivery_postal_code, delivery_lat, delivery_lng, vendor_lat, vendor_lng,
    vendor_city, distance_meters, estimated_ready_minutes, estimated_delivery_minutes, prescription_reference,
    substitution_preference, customer_note, driver_id, driver_name, vehicle_type, stock_held_at, paid_at,
    payment_reference, placed_at, cancel_reason, cancel_detail, idempotency_key, request_hash, created_at,
    updated_at, version)
VALUES (gen_random_uuid(), ('00000000-0000-0000-0001-' || lpad(:customer::text, 12, '0'))::uuid,
    '00000000-0000-0000-0000-00000000ce11', '00000000-0000-0000-0000-0000000ce110', 'Bench Kitchen mj2k7x1q 1',
    'FOOD', '7c0d2f7e-5b1a-4c9e-9a51-2f4c8d0e6b13', 'PENDING_PAYMENT', 'EUR',
    :subtotal, 299, :platform_fee, 100, 0, :total, 0,
    'Benchstraße ' || :street::text, 'Berlin', '10115', :lat, :lng, 52.505, 13.387,
    'Berlin', :distance, 15, :delivery_minutes, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, gen_random_uuid()::text, md5(random()::text) || md5(random()::text), now(),
    now(), 0)
RETURNING id AS order_id, customer_id AS customer_uuid,
    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:' || 'MI:' || 'SS.MS"Z"') AS occurred_at \gset
INSERT INTO order_items (id, order_id, line_no, menu_item_id, name, quantity, unit_price_minor, line_total_minor,
    prescription_required, substitution)
VALUES (gen_random_uuid(), :order_id, 1, ('00000000-0000-0000-0002-' || lpad(:item1::text, 12, '0'))::uuid,
    (ARRAY['Margherita', 'Funghi', 'Diavola', 'Tiramisu', 'Lemonade', 'Salad'])[:item1::int], :qty1, :price1,
    :total1, false, NULL);
INSERT INTO order_items (id, order_id, line_no, menu_item_id, name, quantity, unit_price_minor, line_total_minor,
    prescription_required, substitution)
VALUES (gen_random_uuid(), :order_id, 2, ('00000000-0000-0000-0002-' || lpad(:item2::text, 12, '0'))::uuid,
    (ARRAY['Margherita', 'Funghi', 'Diavola', 'Tiramisu', 'Lemonade', 'Salad'])[:item2::int], :qty2, :price2,
    :total2, false, NULL);
INSERT INTO order_events (kind, from_status, to_status, actor_id, actor_role, reason, occurred_at, order_id)
VALUES ('CREATED', NULL, 'PENDING_PAYMENT', :customer_uuid, 'CUSTOMER', NULL, now(), :order_id)
RETURNING id;
INSERT INTO outbox (event_id, topic, aggregate_id, payload)
SELECT g.e, 'order.created', :order_id::text, format('{"eventId":"%s","type":"order.created","version":1,'
    '"occurredAt":"%s","producer":"order","aggregateId":"%s","correlationId":"%s","payload":{"orderId":"%s",'
    '"customerId":"%s","vendorId":"00000000-0000-0000-0000-00000000ce11","vendorName":"Bench Kitchen mj2k7x1q 1",'
    '"category":"FOOD","items":[{"menuItemId":"00000000-0000-0000-0002-%s","name":"%s","quantity":%s,'
    '"unitPriceMinor":%s,"lineTotalMinor":%s},{"menuItemId":"00000000-0000-0000-0002-%s","name":"%s",'
    '"quantity":%s,"unitPriceMinor":%s,"lineTotalMinor":%s}],"subtotalMinor":%s,"deliveryFeeMinor":299,'
    '"platformFeeMinor":%s,"tipMinor":100,"taxMinor":0,"totalMinor":%s,"currency":"EUR","deliveryAddress":'
    '{"line1":"Benchstraße %s","city":"Berlin","postalCode":"10115","lat":%s,"lng":%s},"vendorLocation":'
    '{"lat":52.505,"lng":13.387},"estimatedReadyMinutes":15}}',
    g.e, :occurred_at::text, :order_id::text, gen_random_uuid(), :order_id::text, :customer_uuid::text,
    lpad(:item1::text, 12, '0'), (ARRAY['Margherita', 'Funghi', 'Diavola', 'Tiramisu', 'Lemonade', 'Salad'])[:item1::int],
    :qty1::text, :price1::text, :total1::text,
    lpad(:item2::text, 12, '0'), (ARRAY['Margherita', 'Funghi', 'Diavola', 'Tiramisu', 'Lemonade', 'Salad'])[:item2::int],
    :qty2::text, :price2::text, :total2::text, :subtotal::text, :platform_fee::text, :total::text,
    :street::text, :lat::text, :lng::text)
FROM gen_random_uuid() AS g(e)
RETURNING id AS outbox_id \gset
END;

UPDATE outbox SET published_at = now() WHERE id = ANY (ARRAY[:outbox_id::bigint]);
