-- The outbox rows of a shipment or a return: what a merchant looks at for one of them, and what
-- PostgreSQL looks up when a shipment or return is deleted (the foreign keys cascade). Without
-- these, each such delete read the whole outbox.
CREATE INDEX notification_outbox_shipment_idx ON notification_outbox (merchant_id, shipment_id) WHERE shipment_id IS NOT NULL;
CREATE INDEX notification_outbox_return_idx ON notification_outbox (merchant_id, return_id) WHERE return_id IS NOT NULL;
