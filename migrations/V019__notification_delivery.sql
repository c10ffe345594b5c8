-- The outbox is also the delivery log: what each message said (rendered when it went out, or was
-- recorded without a mail server), where it stands, and what the provider answered.
--   pending     waiting to go out (next_attempt_at: first try, or the retry after a temporary failure)
--   held        waiting for the end of the recipient's quiet hours
--   sending     claimed by a sender until next_attempt_at; a sender that died leaves it to be claimed again
--   sent        accepted by the mail server or the SMS provider
--   failed      given up: a permanent refusal, or temporary ones for a day
--   unsent      rendered and kept, but no transport is configured (LANDFALL_SMTP_URL)
--   suppressed  the recipient unsubscribed or sent STOP
--   skipped     stale: the parcel had already moved on when it would have gone out
--   cancelled   nobody to send it to
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_status_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_status_check CHECK (status IN
    ('pending', 'held', 'sending', 'sent', 'failed', 'unsent', 'suppressed', 'skipped', 'cancelled'));
ALTER TABLE notification_outbox
    ADD COLUMN subject      text CHECK (subject !~ '[\r\n]' AND length(subject) <= 300),
    ADD COLUMN body_text    text CHECK (octet_length(body_text) <= 102400),
    ADD COLUMN body_html    text CHECK (octet_length(body_html) <= 102400),
    ADD COLUMN message_id   text,
    ADD COLUMN provider_id  text,
    ADD COLUMN updated_at   timestamptz NOT NULL DEFAULT now();
-- what the email sender claims: due, or claimed by a sender that stopped before finishing
CREATE INDEX notification_outbox_email_due_idx ON notification_outbox (next_attempt_at)
    WHERE channel = 'email' AND status IN ('pending', 'sending');
-- the store's delivery log, newest first
CREATE INDEX notification_outbox_log_idx ON notification_outbox (merchant_id, id DESC);
