-- The demo store's password, API key and webhook secrets are published, so they belong to the one
-- store the demo seeder created, never to any store that happens to be called "demo". The seeder
-- sets this mark; stores seeded by earlier versions are recognised by the demo slug and its owner.
ALTER TABLE merchants ADD COLUMN is_demo boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX merchants_one_demo_idx ON merchants (is_demo) WHERE is_demo;
UPDATE merchants m SET is_demo = true
WHERE m.slug = 'demo'
  AND EXISTS (SELECT 1 FROM merchant_users u WHERE u.merchant_id = m.id AND u.email = 'owner@alder-and-ash.example');

-- Deleting a store cascades to all its rows; these references inside one store are checked as each
-- cascade step ends, before the rows that hold them are gone. Deferrable (still checked at once
-- unless a transaction defers them), so a store can be deleted in one transaction:
--   BEGIN; SET CONSTRAINTS ALL DEFERRED; DELETE FROM merchants WHERE slug = '...'; COMMIT;
ALTER TABLE orders ALTER CONSTRAINT orders_merchant_id_brand_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE returns ALTER CONSTRAINT returns_merchant_id_policy_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE return_items ALTER CONSTRAINT return_items_merchant_id_order_item_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE return_items ALTER CONSTRAINT return_items_merchant_id_reason_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
