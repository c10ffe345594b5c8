-- Indexes: the outbox by shipment and return, and one index for a return's token.
-- The outbox rows of a shipment or a return: what a merchant looks at for one of them, and what
-- PostgreSQL looks up when a shipment or return is deleted (the foreign keys cascade). Without
-- these, each such delete read the whole outbox.
CREATE INDEX notification_outbox_shipment_idx ON notification_outbox (merchant_id, shipment_id) WHERE shipment_id IS NOT NULL;
CREATE INDEX notification_outbox_return_idx ON notification_outbox (merchant_id, return_id) WHERE return_id IS NOT NULL;

-- A return's page is found by its token alone: one unique index on the token is enough (256
-- random bits), and the per-merchant one beside it only cost every insert a second random write.
ALTER TABLE returns DROP CONSTRAINT returns_merchant_id_public_token_key;
DROP INDEX returns_public_token_idx;
CREATE UNIQUE INDEX returns_public_token_idx ON returns (public_token);
