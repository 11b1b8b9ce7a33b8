-- Units that left with confirmed orders, so available + reserved + sold adds up: order.created moves units from
-- available to reserved, order.confirmed from reserved to sold, order.cancelled back to available from whichever
-- held them. Until now a commit only took units off reserved, so they vanished from the counts.
ALTER TABLE inventory ADD COLUMN sold INT NOT NULL DEFAULT 0 CHECK (sold >= 0);

-- Orders already committed (and not cancelled since) hold sold units: count them, so cancelling one of them later
-- puts its units back instead of finding nothing to move.
UPDATE inventory i
   SET sold = committed.quantity
  FROM (SELECT l.menu_item_id, SUM(l.quantity) AS quantity
          FROM order_stock_lines l
          JOIN order_stock o ON o.order_id = l.order_id
         WHERE o.state = 'COMMITTED'
         GROUP BY l.menu_item_id) committed
 WHERE i.menu_item_id = committed.menu_item_id;
