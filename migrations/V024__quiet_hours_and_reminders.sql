-- A store's timing of customer messages (Settings › Notifications): quiet hours in the recipient's
-- time zone, the moments that go out even then, and how many days after delivery the review
-- request goes (null: never). No row means the defaults: 21:00–08:00 on, out for delivery, failed
-- attempt and the pickup reminder exempt, the review request 7 days after delivery.
CREATE TABLE notification_timing (
    merchant_id          bigint PRIMARY KEY REFERENCES merchants (id) ON DELETE CASCADE,
    quiet_hours          boolean NOT NULL DEFAULT true,
    quiet_start          time NOT NULL DEFAULT '21:00',
    quiet_end            time NOT NULL DEFAULT '08:00',
    exempt               text[] NOT NULL DEFAULT '{}',
    review_after_days    smallint CHECK (review_after_days BETWEEN 0 AND 30),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (quiet_start <> quiet_end)
);

-- the senders also claim messages held for quiet hours once their window has ended
CREATE INDEX notification_outbox_held_due_idx ON notification_outbox (next_attempt_at)
    WHERE status = 'held';
