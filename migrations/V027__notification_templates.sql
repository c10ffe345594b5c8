-- A store's own words for a message (Settings › Notifications › Edit message): per template
-- (shipment.delivered, return.approved …), language and kind of channel (an email's subject and
-- body; a text's body, shared by SMS and WhatsApp). Without a row the built-in words are used.
-- The text is written in the placeholder language of docs/notifications.md and checked before it
-- is saved; the limits here are the last line of defence.
CREATE TABLE notification_templates (
    merchant_id  bigint NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    template     text NOT NULL CHECK (template ~ '^(shipment|return)\.[a-z_]+$'),
    language     text NOT NULL CHECK (language IN ('en', 'de', 'fr', 'es')),
    channel      text NOT NULL CHECK (channel IN ('email', 'text')),
    subject      text CHECK (char_length(subject) BETWEEN 1 AND 150 AND subject !~ '[\r\n]'),
    body         text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    updated_at   timestamptz NOT NULL,
    updated_by   bigint,
    PRIMARY KEY (merchant_id, template, language, channel),
    -- an email has a subject, a text has none
    CHECK ((channel = 'email') = (subject IS NOT NULL))
);
