-- Which messages a store sends its customers, per trigger and channel. A missing row means the
-- default (app.landfall.notifications.ShipmentTrigger: every shipment email on except in-transit
-- updates); a row is written when the store saves its Notifications settings.
CREATE TABLE notification_triggers (
    merchant_id  bigint NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    trigger      text NOT NULL CHECK (trigger ~ '^[a-z_]+(\.[a-z_]+)*$'),
    channel      text NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
    enabled      boolean NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, trigger, channel)
);

-- a newer status of a parcel marks its messages still waiting as stale: found by shipment
CREATE INDEX notification_outbox_waiting_idx ON notification_outbox (merchant_id, shipment_id)
    WHERE status IN ('pending', 'held') AND shipment_id IS NOT NULL;
