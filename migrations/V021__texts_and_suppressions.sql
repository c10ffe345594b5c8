-- SMS and WhatsApp: WhatsApp is a channel of its own (its own sender and its own opt-out), each
-- text keeps how many segments it was billed as, and a store keeps the numbers that replied STOP.
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_channel_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_channel_check CHECK (channel IN
    ('email', 'sms', 'whatsapp', 'webhook'));
ALTER TABLE notification_outbox ADD COLUMN segments smallint CHECK (segments > 0);
-- what the text sender claims: due, or claimed by a sender that stopped before finishing
CREATE INDEX notification_outbox_text_due_idx ON notification_outbox (next_attempt_at)
    WHERE channel IN ('sms', 'whatsapp') AND status IN ('pending', 'sending');

-- Addresses a store must not send to on a channel: a number that replied STOP (removed by START).
CREATE TABLE notification_suppressions (
    merchant_id  bigint NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    channel      text NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
    address      text NOT NULL CHECK (length(address) BETWEEN 3 AND 320),
    reason       text NOT NULL CHECK (length(reason) <= 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, channel, address)
);
