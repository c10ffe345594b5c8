-- The store's currency (ISO 4217; the admin checks it against java.util.Currency): the currency of
-- orders that arrive without one (API, CSV import) and of money totals in the admin.
ALTER TABLE merchants ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$');

-- The admin overview's "last 7 days" reads one week of a store's rows, never its whole history
-- (a store may have a million shipments): parcels by when they were created and by when they were
-- delivered. Failed messages are few, so a partial index finds a store's without reading its log.
CREATE INDEX shipments_created_idx ON shipments (merchant_id, created_at);
CREATE INDEX shipments_delivered_idx ON shipments (merchant_id, delivered_at) WHERE delivered_at IS NOT NULL;
CREATE INDEX notification_outbox_failed_idx ON notification_outbox (merchant_id, id) WHERE status = 'failed';
